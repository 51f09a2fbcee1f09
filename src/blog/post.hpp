#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "blog/kinds.hpp"
#include "core/dates.hpp"

namespace blogarchive::blog {

/// The exported blog as a whole (WXR channel).
struct SiteInfo {
  std::string title;
  std::string description;
  std::string link;           ///< the blog's home URL
  std::string base_site_url;  ///< WordPress's wp:base_site_url
  std::string base_blog_url;  ///< WordPress's wp:base_blog_url
  std::string language;
  std::string format;  ///< "wxr 1.2", …
  /// The blog's site icon (WordPress's Site Icon, the square image browsers show in
  /// tabs), as the URL of the uploaded original; empty when the export names none.
  std::string icon_url{};
};

struct Author {
  std::string login;
  std::string display_name;
  std::int64_t id = 0;  ///< the blog's user id (0: unknown); comments name their writer by it
};

/// A category, tag or other taxonomy term.
struct Term {
  Taxonomy taxonomy;  ///< named as WordPress names it: "category", "post_tag", "post_format", …
  std::string slug;
  std::string name;
  std::string parent_slug;
  std::string description;
  std::int64_t old_id = 0;  ///< the old blog's term id (WordPress's ?cat=ID); 0: unknown
};

/// A post's membership in a term, as the item lists it.
struct TermRef {
  Taxonomy taxonomy;
  std::string slug;
  std::string name;
  bool operator==(const TermRef&) const = default;
};

/// A reader's comment, pingback or trackback. E-mail and IP addresses are never
/// read into this record: the archive does not need them and must not leak them.
struct Comment {
  std::int64_t id = 0;
  std::int64_t parent_id = 0;  ///< 0: top level
  std::string author_name;
  std::string author_url;
  std::optional<core::DateTime> date;
  std::string content;  ///< raw HTML as exported
  std::string status;   ///< WordPress's comment_approved: "1", "0", "spam", "trash"
  std::string type;     ///< "comment", "pingback", "trackback"
  /// The blog's user who wrote it (0: a visitor). Never published; it marks the
  /// replies of the post's own author.
  std::int64_t user_id = 0;

  bool is_approved() const { return status == "1" || status == "approve"; }
  bool is_ping() const { return type == "pingback" || type == "trackback"; }
};

/// How an item's body is written. Each importer says it once; the store keeps its name.
enum class Markup {
  WordPress,   ///< WordPress's stored HTML: page breaks, shortcodes, autop
  Html,        ///< finished HTML (a feed's, the REST API's rendered content)
  Markdown,    ///< CommonMark with GitHub's extensions (Jekyll, Hugo, Movable Type)
  Paragraphs,  ///< text whose line breaks make paragraphs (Movable Type's "Convert Breaks")
};

/// "wordpress", "html", "markdown", "paragraphs": the store's names.
std::string_view markup_name(Markup markup);
/// The markup a store name stands for; nullopt for a name this version does not know.
std::optional<Markup> markup_named(std::string_view name);

/// Any item of an export: article ("post"), page, attachment, menu item, custom type.
struct Post {
  std::int64_t id = 0;
  PostType type;      ///< Article ("post"), Page, Attachment, or another ("nav_menu_item")
  PostStatus status;  ///< Published ("publish"), Draft, Private, Scheduled ("future"), …
  std::string title;  ///< plain text (entities decoded once)
  std::string slug;   ///< decoded wp:post_name, or derived from the title
  std::string link;   ///< the old permalink URL
  /// Other URLs the old site answered with this item (Hugo's `aliases`, Jekyll's
  /// `redirect_from`), absolute or root-relative like `link`.
  std::vector<std::string> aliases;
  std::string guid;
  std::optional<core::DateTime> date;      ///< local time of the blog
  std::optional<core::DateTime> date_gmt;  ///< UTC, when the export has it
  std::string author_login;
  std::string content;                ///< raw post_content as exported
  std::string excerpt;                ///< the hand-written excerpt, raw
  Markup markup = Markup::WordPress;  ///< how content is written
  /// body_hash() as imported; 0 when unknown (a store from before schema 3).
  std::uint64_t body_hash = 0;
  std::int64_t parent_id = 0;
  int menu_order = 0;
  bool has_password = false;  ///< the password itself is never stored
  bool is_sticky = false;
  std::string attachment_url;
  std::vector<TermRef> terms;
  std::vector<Comment> comments;
  std::string source;  ///< where it came from, for messages: "blog.xml:120"
  /// Pages <!--nextpage--> split the body into on the old blog (1: not split). Known in
  /// outlines, where the body is not.
  int page_count = 1;
  /// Approved comments that reply to no other, in outlines (WordPress paged these).
  int top_level_comments = 0;
};

/// The one rule of what the archive may show: articles and pages that were public.
/// Drafts, private, future, trashed, password-protected items and every other type
/// never reach the output.
bool is_published(const Post& post);

/// A hash of everything the content pipeline reads of a post: body, excerpt, markup and
/// comments. Equal hashes mean the rendered body, excerpt and comments are equal too,
/// which lets a build reuse what it rendered last time.
std::uint64_t body_hash(const Post& post);

/// 1 + the number of <!--nextpage--> markers in the body.
int page_count(const Post& post);

/// Orders comments as the store hands them out: by date, then id. For importers whose
/// source lists them otherwise (newest first, or by another table's order).
void sort_oldest_first(std::vector<Comment>& comments);

/// A human-readable reference for messages: `post 17 "Hallo Welt"`.
std::string describe(const Post& post);

/// What an importer produces, in export order. Implementations: the SQLite store,
/// `VectorSink` for tests. `site` may come again when a later record adds to it (a WXR
/// export names its site icon among the items): the last one holds.
class ImportSink {
 public:
  virtual ~ImportSink() = default;
  virtual void site(const SiteInfo& info) = 0;
  virtual void author(const Author& author) = 0;
  virtual void term(const Term& term) = 0;
  virtual void post(const Post& post) = 0;
};

/// Keeps everything in memory; used by tests and by tools that need no store.
class VectorSink : public ImportSink {
 public:
  void site(const SiteInfo& info) override { site_info = info; }
  void author(const Author& a) override { authors.push_back(a); }
  void term(const Term& t) override { terms.push_back(t); }
  void post(const Post& p) override { posts.push_back(p); }

  SiteInfo site_info;
  std::vector<Author> authors;
  std::vector<Term> terms;
  std::vector<Post> posts;
};

}  // namespace blogarchive::blog

namespace blogarchive::blog {

/// Everything the store holds about one blog, loaded for a build.
struct Snapshot {
  SiteInfo site;
  std::vector<Author> authors;
  std::vector<Term> terms;
  std::vector<Post> posts;  ///< by id, with their term refs and comments
};

}  // namespace blogarchive::blog
