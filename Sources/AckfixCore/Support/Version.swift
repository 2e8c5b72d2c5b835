public enum AckfixVersion {
    public static let current = "0.1.0"
}
