// libFuzzer target: links in content rewritten through the site's real resolver of old
// URLs. The tiny blog behind it has one published post and one draft; whatever the
// HTML, no link in the output, parsed again as a browser would, may be one the resolver
// says must not be published (the draft by its old permalink, ?p=2, or any spelling of
// them the resolver accepts).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "blog/post.hpp"
#include "content/body.hpp"
#include "core/diagnostics.hpp"
#include "pipeline/content_rendering.hpp"
#include "site/config.hpp"
#include "site/site_model.hpp"

namespace {

blogarchive::blog::Post post(std::int64_t id, const char* status, const char* slug) {
  blogarchive::blog::Post p;
  p.id = id;
  p.type = blogarchive::blog::ItemKind::Article;
  p.status = blogarchive::blog::PostStatus::named(status);
  p.title = slug;
  p.slug = slug;
  p.link = std::string("http://old.example.org/2010/05/") + slug + "/";
  p.date = blogarchive::core::DateTime{2010, 5, 1, 12, 0, 0};
  return p;
}

struct World {
  World() {
    snapshot.site.link = "http://old.example.org";
    snapshot.posts = {post(1, "publish", "oeffentlich"), post(2, "draft", "geheimer-entwurf")};
    config = blogarchive::site::parse_config("base_url = \"https://archiv.example.org/\"\n",
                                             "fuzz.toml");
    model = blogarchive::site::build_site_model(snapshot, config, diagnostics);
  }
  blogarchive::blog::Snapshot snapshot;
  blogarchive::site::SiteConfig config;
  blogarchive::core::Diagnostics diagnostics;
  blogarchive::site::SiteModel model;
};

void check_links(const std::vector<blogarchive::content::HtmlNode>& nodes,
                 const blogarchive::content::LinkResolver& resolver, const std::string& html) {
  for (const auto& node : nodes) {
    const std::string* href = node.name == "a" ? node.attribute("href") : nullptr;
    if (href != nullptr &&
        resolver.resolve(*href).action == blogarchive::content::LinkDecision::Action::Unlink) {
      std::fprintf(stderr, "a link to an unpublished post survived: %s\n%s\n", href->c_str(),
                   html.c_str());
      std::abort();
    }
    check_links(node.children, resolver, html);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const World world;
  // One media file, so that fuzzed references into the uploads folder are resolved too,
  // and the world's redirect table, so that links to its old URL forms are as well.
  static const auto redirects = blogarchive::redirects::build_redirect_table(world.model, true);
  static const blogarchive::pipeline::SiteLinkResolver resolver(
      world.model, blogarchive::site::MediaFiles({"/wp-content/uploads/2009/03/bild.jpg"}, ""), {},
      redirects);
  blogarchive::content::BodyOptions options;
  options.resolver = &resolver;
  options.markup = blogarchive::content::Markup::Html;
  const auto body = blogarchive::content::render_body(
      std::string_view(reinterpret_cast<const char*>(data), size), options);
  check_links(blogarchive::content::parse_fragment(body.html), resolver, body.html);
  return 0;
}
