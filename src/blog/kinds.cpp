#include "blog/kinds.hpp"

#include <array>
#include <utility>

namespace blogarchive::blog {
namespace {

template <typename Kind, std::size_t N>
Kind find_kind(const std::array<std::pair<std::string_view, Kind>, N>& names,
               std::string_view name) {
  for (const auto& [known, kind] : names) {
    if (known == name) {
      return kind;
    }
  }
  return Kind::Other;
}

template <typename Kind, std::size_t N>
std::string_view find_name(const std::array<std::pair<std::string_view, Kind>, N>& names,
                           Kind kind) {
  for (const auto& [name, known] : names) {
    if (known == kind) {
      return name;
    }
  }
  return "";
}

constexpr std::array<std::pair<std::string_view, ItemKind>, 3> kItemKinds{
    {{"post", ItemKind::Article}, {"page", ItemKind::Page}, {"attachment", ItemKind::Attachment}}};
// The first name of each kind is the one it is written under.
constexpr std::array<std::pair<std::string_view, Visibility>, 8> kVisibilities{
    {{"publish", Visibility::Published},
     {"draft", Visibility::Draft},
     {"auto-draft", Visibility::Draft},
     {"pending", Visibility::Pending},
     {"private", Visibility::Private},
     {"future", Visibility::Scheduled},
     {"trash", Visibility::Trashed},
     {"inherit", Visibility::Inherited}}};
constexpr std::array<std::pair<std::string_view, TermKind>, 3> kTermKinds{
    {{"category", TermKind::Category},
     {"post_tag", TermKind::Tag},
     {"post_format", TermKind::Format}}};

}  // namespace

std::string_view name_of(ItemKind kind) {
  return find_name(kItemKinds, kind);
}
std::string_view name_of(Visibility kind) {
  return find_name(kVisibilities, kind);
}
std::string_view name_of(TermKind kind) {
  return find_name(kTermKinds, kind);
}

template <>
ItemKind kind_named<ItemKind>(std::string_view name) {
  return find_kind(kItemKinds, name);
}
template <>
Visibility kind_named<Visibility>(std::string_view name) {
  return find_kind(kVisibilities, name);
}
template <>
TermKind kind_named<TermKind>(std::string_view name) {
  return find_kind(kTermKinds, name);
}

}  // namespace blogarchive::blog
