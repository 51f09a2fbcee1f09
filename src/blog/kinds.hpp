#pragma once
// What the archive decides on about an item and a term, as kinds, with the name the
// export gave kept beside: WordPress's names are also every other importer's vocabulary
// in the store ("post", "publish", "post_tag"), and a name the archive has no kind for
// ("nav_menu_item", "auto-draft", "product_cat") is kept as it came, of kind Other, so
// that the store and the import report still say what it was.
#include <ostream>
#include <string>
#include <string_view>

namespace blogarchive::blog {

/// What an item is.
enum class ItemKind { Article, Page, Attachment, Other };
/// Whether, and for whom, the old blog showed an item.
enum class Visibility { Published, Draft, Pending, Private, Scheduled, Trashed, Inherited, Other };
/// What a term groups by.
enum class TermKind { Category, Tag, Format, Other };

/// WordPress's name of each kind ("post", "publish", "post_tag"); "" for Other.
std::string_view name_of(ItemKind kind);
std::string_view name_of(Visibility kind);
std::string_view name_of(TermKind kind);

/// The kind a name stands for; Other for any name without one. Statuses WordPress
/// never showed all map to a kind that is not Published ("auto-draft": Draft).
template <typename Kind>
Kind kind_named(std::string_view name);
template <>
ItemKind kind_named<ItemKind>(std::string_view name);
template <>
Visibility kind_named<Visibility>(std::string_view name);
template <>
TermKind kind_named<TermKind>(std::string_view name);

/// A kind and the name it came with.
template <typename Kind>
class Named {
 public:
  Named() = default;
  /// The kind under WordPress's name for it: `post.type = ItemKind::Article`.
  Named(Kind kind) : kind_(kind), name_(name_of(kind)) {}  // NOLINT: implicit on purpose
  /// As an export names it: `PostType::named("nav_menu_item")`.
  static Named named(std::string name) {
    Named named;
    named.kind_ = kind_named<Kind>(name);
    named.name_ = std::move(name);
    return named;
  }

  Kind kind() const { return kind_; }
  const std::string& name() const { return name_; }
  bool operator==(Kind kind) const { return kind_ == kind; }
  bool operator==(const Named& other) const = default;

 private:
  Kind kind_ = Kind::Other;
  std::string name_;
};

/// Its name, as messages and test failures show it.
template <typename Kind>
std::ostream& operator<<(std::ostream& out, const Named<Kind>& named) {
  return out << (named.name().empty() ? "(no name)" : named.name());
}

using PostType = Named<ItemKind>;
using PostStatus = Named<Visibility>;
using Taxonomy = Named<TermKind>;

}  // namespace blogarchive::blog
