#pragma once
// Defences every XML importer needs beyond libxml2's defaults (NONET, no entity
// substitution, no DTD loading).
#include <libxml/tree.h>

#include <string>

namespace blogarchive::importers {

/// True when the document's DOCTYPE declares entities.
bool declares_entities(const xmlDoc* document);

/// The InputError for a DOCTYPE that declares entities, at `line`.
[[noreturn]] void reject_entity_declarations(const std::string& file_name, int line);

/// Throws InputError when the DOCTYPE declares entities: exports and feeds never need
/// them, nested ones expand a few hundred bytes into gigabytes ("billion laughs") and
/// external ones point at files of the importing machine. `line` is where the DOCTYPE
/// ends, when known.
void refuse_declared_entities(const xmlDoc* document, const std::string& file_name, int line = 1);

}  // namespace blogarchive::importers
