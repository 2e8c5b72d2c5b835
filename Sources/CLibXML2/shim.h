#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU, so <libxml/encoding.h> pulls in the system ICU headers,
 * while Swift's Foundation ships its own ICU: clang then refuses two different UErrorCode
 * definitions, but only on a clean build. ackfix never touches the ICU fields of
 * xmlCharEncodingHandler, so hide them. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>

/* xmlFree is a macro in threaded builds; Swift cannot import it. */
static inline void ackfix_xml_free(void *p) { xmlFree(p); }
#endif
