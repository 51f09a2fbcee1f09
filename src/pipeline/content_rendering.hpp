#pragma once
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "content/body.hpp"
#include "pipeline/item_codec.hpp"
#include "redirects/redirect_table.hpp"
#include "site/media_files.hpp"
#include "site/old_url_resolver.hpp"
#include "site/site_model.hpp"

namespace blogarchive::pipeline {

/// Lets content ask the site about old URLs without knowing what a site is. References
/// to the blog's media files lead to the archive's copies, and are remembered: the
/// build publishes exactly the media that published content uses.
class SiteLinkResolver : public content::LinkResolver {
 public:
  /// Root-relative paths the archive answers besides routes and media are never sent to
  /// the old site: `own_files` (what the build writes besides pages) and the old URL
  /// forms of `redirects`, which must outlive the resolver (a SitePlan holds both).
  SiteLinkResolver(const site::SiteModel& model, site::MediaFiles media,
                   std::set<std::string> own_files, const redirects::RedirectTable& redirects)
      : resolver_(model),
        media_(std::move(media)),
        media_hosts_(site::wordpress_com_media_hosts(*model.snapshot)),
        own_files_(std::move(own_files)),
        redirects_(redirects) {}
  /// Moves a resolver nobody has asked yet (SitePlan makes it on one thread and moves it
  /// into place): its state, not its lock.
  SiteLinkResolver(SiteLinkResolver&& other) noexcept
      : content::LinkResolver(other),
        resolver_(std::move(other.resolver_)),
        media_(std::move(other.media_)),
        media_hosts_(std::move(other.media_hosts_)),
        own_files_(std::move(other.own_files_)),
        redirects_(other.redirects_),
        used_(std::move(other.used_)) {}
  SiteLinkResolver& operator=(SiteLinkResolver&&) = delete;
  content::LinkDecision resolve(std::string_view url) const override;
  /// True when `url` is in the blog's media folder but the store has no such file.
  bool is_missing_media(std::string_view url) const;
  /// The store's media file `url` leads to, without counting it as used.
  std::optional<std::string> media_file(std::string_view url) const;
  /// The media files resolve() has led to so far (decoded paths).
  std::set<std::string> used_media() const;

 private:
  std::optional<std::string> media_path(std::string_view url) const;

  /// An old-blog URL nothing in the archive answers: the old site's address for it, so
  /// that the archive never holds a dead local link.
  content::LinkDecision to_old_site(std::string_view url) const;

  site::OldUrlResolver resolver_;
  site::MediaFiles media_;
  std::set<std::string> media_hosts_;  ///< a WordPress.com blog's files hosts
  /// True for a path the archive answers where it is written, other than a route.
  bool answers(const std::string& path) const;

  std::set<std::string> own_files_;
  /// Not a copy of its paths: at 10,000 posts they are 75,000 strings, 3 MiB of the
  /// build's peak.
  const redirects::RedirectTable& redirects_;
  mutable std::mutex mutex_;  ///< resolve() runs on every build thread
  mutable std::set<std::string> used_;
};

/// The attachments of the export, by id and by the post they belong to: what [gallery]
/// and [caption] need. Built once; posts look theirs up instead of scanning them all.
class MediaIndex {
 public:
  explicit MediaIndex(const blog::Snapshot& snapshot);
  content::ShortcodeContext context_for(const blog::Post& post) const;
  /// Changes when any attachment changes (a gallery may name any attachment by id).
  std::uint64_t hash() const { return hash_; }

 private:
  std::uint64_t hash_ = 0;
  std::map<std::int64_t, content::MediaItem> by_id_;
  std::map<std::int64_t, std::vector<content::MediaItem>> by_parent_;  ///< menu order, then id
};

/// What every item of a build is rendered with; read-only, shared by all threads.
struct ContentInputs {
  /// The words the content pipeline adds (from the theme's catalog) and what it may load.
  struct Settings {
    std::string embed_label;          ///< "Eingebetteter Inhalt: " before the provider
    std::string remote_image_label;   ///< "Bild auf " before a remote image's host
    std::string missing_image_label;  ///< "Bild nicht im Archiv: " before its alt text
    bool allow_remote_images = false;
    content::WaybackLinks::Mode wayback =
        content::WaybackLinks::Mode::Off;  ///< archive.toml's wayback_links
    std::string wayback_label;             ///< "archivierte Fassung"
    /// Every file the build publishes besides pages ("/assets/style.css"): what a local
    /// image may show. Media of the blog join it once they are brought home.
    std::set<std::string> published_files;
    /// Contact details in comments ([privacy] contact_details).
    content::ContactMasking contacts;

    /// Every field, for the render cache's key (a field left out would serve stale bodies).
    void hash_into(core::ContentHash& hash) const;
  };
  /// `files` (the blog's media) also join settings.published_files; the old URLs of `redirects`
  /// count as local paths.
  ContentInputs(const site::SiteModel& model, const redirects::RedirectTable& redirects,
                Settings content_settings, site::MediaFiles files = {});
  SiteLinkResolver resolver;
  MediaIndex media;
  Settings settings;
  site::MediaFiles media_files;  ///< the blog's media the store has, with the images' sizes
  /// The blog's user id of the author with this login; 0 when the export did not say.
  std::int64_t author_id(const std::string& login) const {
    const auto found = author_ids_.find(login);
    return found == author_ids_.end() ? 0 : found->second;
  }
  /// Of every setting (Settings::hash_into, the blog's media among the published files)
  /// and the images' sizes: what every content_key starts from.
  std::uint64_t settings_key = 0;

 private:
  std::map<std::string, std::int64_t> author_ids_;  ///< by login
};

/// The content pipeline's output for one post, with what the render cache needs to
/// know whether it can be reused.
struct ContentResult {
  RenderedEntry entry;
  std::vector<std::string> links;  ///< the URLs the content asked the site about
  std::uint64_t links_hash = 0;    ///< what decisions_hash(links) gave at render time
};

/// A category's or tag's description through the content pipeline (content policy,
/// autop, links rewritten); empty for an empty description.
std::string render_term_description(std::string_view raw, const ContentInputs& inputs);

/// Runs the body, excerpt and approved comments of one post (with its body read)
/// through the content pipeline, rewriting links to the old blog with the site's routes.
ContentResult render_content(const blog::Post& post, const ContentInputs& inputs);

/// What a rendered item depends on besides the links: the post's body hash, the
/// attachments, the embed label and the pipeline's version.
std::uint64_t content_key(const blog::Post& post, const ContentInputs& inputs);

/// A hash of what the site answers for each URL now; equal to a cached links_hash when
/// every link would be rewritten as before.
std::uint64_t decisions_hash(const std::vector<std::string_view>& links,
                             const content::LinkResolver& resolver);

}  // namespace blogarchive::pipeline
