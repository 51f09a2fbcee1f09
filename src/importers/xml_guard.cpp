#include "importers/xml_guard.hpp"

#include <fmt/format.h>
#include <libxml/hash.h>

#include "blogarchive/error.hpp"

namespace blogarchive::importers {

bool declares_entities(const xmlDoc* document) {
  const xmlDtd* subset = document != nullptr ? document->intSubset : nullptr;
  return subset != nullptr && subset->entities != nullptr &&
         xmlHashSize(static_cast<xmlHashTablePtr>(subset->entities)) > 0;
}

void refuse_declared_entities(const xmlDoc* document, const std::string& file_name, int line) {
  if (declares_entities(document)) {
    reject_entity_declarations(file_name, line);
  }
}

void reject_entity_declarations(const std::string& file_name, int line) {
  throw InputError(fmt::format(
      "{}:{}: the DOCTYPE declares XML entities; exports and feeds never need them, and "
      "blogarchive does not expand them (nested entities can grow a small file into "
      "gigabytes, external ones read local files). Remove the <!DOCTYPE …> block and "
      "import again",
      file_name, line));
}

}  // namespace blogarchive::importers
