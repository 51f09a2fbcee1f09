#include "importers/derived_id.hpp"

#include "core/hash.hpp"

namespace blogarchive::importers {

std::int64_t derived_id(std::string_view identity) {
  return -static_cast<std::int64_t>(core::stable_hash(identity) >> 2) - 1;
}

std::int64_t unique_derived_id(std::string_view identity, std::set<std::int64_t>& taken) {
  std::int64_t id = derived_id(identity);
  while (!taken.insert(id).second) {
    --id;
  }
  return id;
}

}  // namespace blogarchive::importers
