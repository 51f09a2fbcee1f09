#pragma once
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "content/body.hpp"
#include "pipeline/item_codec.hpp"
#include "site/old_url_resolver.hpp"
#include "site/site_model.hpp"

namespace blogarchive::pipeline {

/// Lets content ask the site about old URLs without knowing what a site is.
class SiteLinkResolver : public content::LinkResolver {
 public:
  explicit SiteLinkResolver(const site::SiteModel& model) : resolver_(model) {}
  content::LinkDecision resolve(std::string_view url) const override;

 private:
  site::OldUrlResolver resolver_;
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
    /// Every file the build publishes besides pages ("/assets/style.css"): what a local
    /// image may show. Media of the blog join it once they are brought home.
    std::set<std::string> published_files;
  };
  ContentInputs(const site::SiteModel& model, Settings content_settings)
      : resolver(model), media(*model.snapshot), settings(std::move(content_settings)) {}
  SiteLinkResolver resolver;
  MediaIndex media;
  Settings settings;
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
std::uint64_t decisions_hash(const std::vector<std::string_view>& links, const content::LinkResolver& resolver);

}  // namespace blogarchive::pipeline
