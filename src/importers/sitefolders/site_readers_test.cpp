// The Jekyll and Hugo importers on the real test sites of both projects
// (../shared/fixtures/jekyll/source and hugo-basic-example; expectations from
// docs/fixture-assertions.md §11 and Hugo's documented rules), and the macros they expand.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include "blogarchive/error.hpp"
#include "imported.hpp"
#include "importers/sitefolders/hugo_reader.hpp"
#include "importers/sitefolders/jekyll_reader.hpp"
#include "importers/sitefolders/macros.hpp"
#include "test_paths.hpp"

namespace blogarchive::importers::sitefolders {
namespace {

using testing::Imported;

const std::filesystem::path& jekyll_site() {
  static const auto path = testing::shared_fixtures_dir() / "jekyll" / "source";
  return path;
}

const blog::Post* by_link(const Imported& imported, const std::string& link) {
  const auto& posts = imported.sink.posts;
  const auto found =
      std::find_if(posts.begin(), posts.end(), [&](const blog::Post& p) { return p.link == link; });
  return found == posts.end() ? nullptr : &*found;
}

const blog::Post* by_title(const Imported& imported, const std::string& title) {
  const auto& posts = imported.sink.posts;
  const auto found = std::find_if(posts.begin(), posts.end(),
                                  [&](const blog::Post& p) { return p.title == title; });
  return found == posts.end() ? nullptr : &*found;
}

std::size_t published(const Imported& imported, blog::ItemKind type) {
  return static_cast<std::size_t>(
      std::count_if(imported.sink.posts.begin(), imported.sink.posts.end(),
                    [&](const blog::Post& p) { return p.type == type && blog::is_published(p); }));
}

}  // namespace

TEST(Jekyll, ReadsTheTestSitesFiftyNinePosts) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  const auto imported = testing::import_with(JekyllImporter(), jekyll_site());
  EXPECT_EQ(published(imported, blog::ItemKind::Article), 59u);
  // published: false and _drafts/ are read but never published.
  const auto* hidden = by_title(imported, "Not published!");
  ASSERT_NE(hidden, nullptr);
  EXPECT_FALSE(blog::is_published(*hidden));
  const auto* draft = by_title(imported, "Properties Draft");
  ASSERT_NE(draft, nullptr);
  EXPECT_EQ(draft->status, blog::Visibility::Draft);
  // The .yml "post" and the file inside a dated folder are not posts at all.
  for (const auto& post : imported.sink.posts) {
    EXPECT_EQ(post.source.find("wrong-extension"), std::string::npos);
    EXPECT_EQ(post.source.find("dubious"), std::string::npos);
  }
}

TEST(Jekyll, CategoriesComeFromFrontMatterAndFolders) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  const auto imported = testing::import_with(JekyllImporter(), jekyll_site());
  std::set<std::string> categories;
  for (const auto& term : imported.sink.terms) {
    if (term.taxonomy == blog::TermKind::Category) {
      categories.insert(term.name);
    }
  }
  EXPECT_EQ(categories,
            (std::set<std::string>{"2013", "bar", "baz", "category", "foo", "z_category",
                                   "MixedCase", "Mixedcase", "publish_test", "win"}));
  std::size_t in_foo = 0;  // published posts only: the draft in _drafts/ is in foo too
  for (const auto& post : imported.sink.posts) {
    in_foo +=
        !blog::is_published(post)
            ? 0
            : std::count_if(post.terms.begin(), post.terms.end(), [](const blog::TermRef& term) {
                return term.taxonomy == blog::TermKind::Category && term.name == "foo";
              });
  }
  EXPECT_EQ(in_foo, 5u);
}

TEST(Jekyll, PermalinksAreTheOnesJekyllWrote) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  const auto imported = testing::import_with(JekyllImporter(), jekyll_site());
  for (const char* link :
       {"/publish_test/2008/02/02/published.html", "/2017/02/05/i-dont-like-zeroes.html",
        "/2018/10/12/trailing-dots.html", "/2016/11/26/special-chars-(+).html",
        "/my_category/permalinked-post", "/extensionless-permalink",
        "/2010/01/10/date-override.html", "/foo/2008/12/12/topical-post.html"}) {
    EXPECT_NE(by_link(imported, link), nullptr) << link;
  }
  const auto* zeroes = by_link(imported, "/2017/02/05/i-dont-like-zeroes.html");
  ASSERT_NE(zeroes, nullptr);
  EXPECT_EQ(zeroes->date, (core::DateTime{2017, 2, 5, 0, 0, 0}));
  const auto* tags = by_link(imported, "/2010/01/10/override-data.html");
  ASSERT_NE(tags, nullptr);
  ASSERT_EQ(tags->terms.size(), 2u);  // "tags: A string" is two tags
  EXPECT_EQ(tags->terms[0].name, "A");
  EXPECT_EQ(tags->terms[1].name, "string");
}

TEST(Jekyll, ReimportingGivesTheSameIds) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  const auto first = testing::import_with(JekyllImporter(), jekyll_site());
  const auto second = testing::import_with(JekyllImporter(), jekyll_site());
  ASSERT_EQ(first.sink.posts.size(), second.sink.posts.size());
  for (std::size_t i = 0; i < first.sink.posts.size(); ++i) {
    EXPECT_EQ(first.sink.posts[i].id, second.sink.posts[i].id);
  }
}

TEST(Jekyll, LiquidThatCannotRunIsReportedAndKept) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  const auto imported = testing::import_with(JekyllImporter(), jekyll_site());
  const auto* include = by_link(imported, "/2008/12/13/include.html");
  ASSERT_NE(include, nullptr);
  EXPECT_NE(include->content.find("{% include sig.markdown %}"), std::string::npos);
  const auto& warnings = imported.diagnostics.warnings();
  EXPECT_TRUE(std::any_of(warnings.begin(), warnings.end(), [](const core::Diagnostic& d) {
    return d.location.ends_with("2008-12-13-include.markdown") &&
           d.message.find("{% include sig.markdown %}") != std::string::npos;
  }));
}

TEST(Jekyll, ABrokenFrontMatterStopsTheImportUnlessRecovering) {
  const auto site = testing::fresh_temp_dir("jekyll-broken");
  std::filesystem::create_directories(site / "_posts");
  std::ofstream(site / "_posts" / "2010-01-01-good.md") << "---\ntitle: Good\n---\nFine.\n";
  std::ofstream(site / "_posts" / "2010-01-02-bad.md")
      << "---\ntitle: Bad\ntags: [a, b\n---\nBroken.\n";
  try {
    testing::import_with(JekyllImporter(), site);
    FAIL() << "a broken front matter was accepted";
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find("2010-01-02-bad.md:"), std::string::npos)
        << error.what();
  }
  Imported recovered;
  JekyllImporter().read(site, ReadOptions{true, {}}, recovered.sink, recovered.diagnostics);
  ASSERT_EQ(recovered.sink.posts.size(), 1u);
  EXPECT_EQ(recovered.sink.posts[0].title, "Good");
  ASSERT_EQ(recovered.diagnostics.warnings().size(), 1u);
  EXPECT_NE(recovered.diagnostics.warnings()[0].message.find("skipped (--recover)"),
            std::string::npos);
}

TEST(Hugo, ReadsTheBasicExample) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  const auto imported =
      testing::import_with(HugoImporter(), testing::shared_fixtures_dir() / "hugo-basic-example");
  EXPECT_EQ(published(imported, blog::ItemKind::Article), 5u);
  EXPECT_EQ(published(imported, blog::ItemKind::Page),
            1u);  // about; archives.md has no text, homepage/ is headless
  const auto* syntax = by_link(imported, "/post/markdown-syntax/");
  ASSERT_NE(syntax, nullptr);
  EXPECT_EQ(syntax->title, "Markdown Syntax Guide");
  EXPECT_EQ(syntax->date, (core::DateTime{2019, 3, 11, 0, 0, 0}));
  EXPECT_EQ(syntax->markup, blog::Markup::Markdown);
  EXPECT_EQ(syntax->excerpt,
            "Sample article showcasing basic Markdown syntax and formatting for HTML elements.");
  std::set<std::string> terms;
  for (const auto& term : syntax->terms) {
    terms.insert(term.taxonomy.name() + ":" + term.name);
  }
  EXPECT_EQ(terms, (std::set<std::string>{"post_tag:markdown", "post_tag:css", "post_tag:html",
                                          "category:themes", "category:syntax"}));
  const auto* about = by_link(imported, "/about/");
  ASSERT_NE(about, nullptr);
  EXPECT_EQ(about->type, blog::ItemKind::Page);
  EXPECT_EQ(about->aliases, (std::vector<std::string>{"/about-us/", "/about-hugo/", "/contact/"}));
  EXPECT_EQ(by_title(imported, "Our Difference"), nullptr);  // a resource of the headless bundle
}

TEST(Hugo, ShortcodesBecomeTheirHtmlOrAreReported) {
  BLOGARCHIVE_NEEDS_SHARED_FIXTURES();
  const auto imported =
      testing::import_with(HugoImporter(), testing::shared_fixtures_dir() / "hugo-basic-example");
  const auto* rich = by_link(imported, "/post/rich-content/");
  ASSERT_NE(rich, nullptr);
  EXPECT_NE(rich->content.find("https://www.youtube.com/embed/ZJthWmvUzzc"), std::string::npos);
  EXPECT_NE(rich->content.find("https://twitter.com/designreviewed/status/1085870671291310081"),
            std::string::npos);
  EXPECT_NE(rich->content.find("https://player.vimeo.com/video/48912912"), std::string::npos);
  const auto* emoji = by_link(imported, "/post/emoji-support/");
  ASSERT_NE(emoji, nullptr);
  EXPECT_NE(emoji->content.find("{{< css.inline >}}"), std::string::npos);  // left as written
  const auto& warnings = imported.diagnostics.warnings();
  EXPECT_TRUE(std::any_of(warnings.begin(), warnings.end(), [](const core::Diagnostic& d) {
    return d.location.ends_with("emoji-support.md") &&
           d.message.find("css.inline") != std::string::npos;
  }));
}

TEST(Macros, LiquidTagsWeCanRun) {
  MacroContext context;
  context.site_path = "/blog";
  context.site_url = "https://a.example/blog";
  context.variables = {{"site.baseurl", "/blog"}};
  context.url_of = [](std::string_view name) -> std::optional<std::string> {
    return name == "2010-07-21-name" ? std::optional<std::string>("/2010/07/21/name.html")
                                     : std::nullopt;
  };
  core::Diagnostics diagnostics;
  EXPECT_EQ(expand_liquid("[x]({{ site.baseurl }}{% post_url 2010-07-21-name %})", context, "p",
                          diagnostics),
            "[x](/blog/2010/07/21/name.html)");
  EXPECT_EQ(expand_liquid("{{ '/img/a.png' | relative_url }} {{ \"/b\" | absolute_url }}", context,
                          "p", diagnostics),
            "/blog/img/a.png https://a.example/blog/b");
  EXPECT_EQ(expand_liquid("{% raw %}{{ x }}{% endraw %}{% comment %}hidden{% endcomment %}",
                          context, "p", diagnostics),
            "{{ x }}");
  EXPECT_EQ(
      expand_liquid("{% highlight ruby %}\na < b\n{% endhighlight %}", context, "p", diagnostics),
      "<pre><code class=\"language-ruby\">a &lt; b</code></pre>");
  EXPECT_TRUE(diagnostics.empty());
  EXPECT_EQ(expand_liquid("{% post_url missing %} {{ page.secret }}", context, "p", diagnostics),
            "{% post_url missing %} {{ page.secret }}");
  ASSERT_EQ(diagnostics.warnings().size(), 1u);
  EXPECT_NE(diagnostics.warnings()[0].message.find("{% post_url missing %}, {{ page.secret }}"),
            std::string::npos);
}

TEST(Macros, HugoShortcodesWeCanRun) {
  MacroContext context;
  context.variables = {{"params.author", "Ole"}};
  context.url_of = [](std::string_view) -> std::optional<std::string> { return "/2015/06/x/"; };
  core::Diagnostics diagnostics;
  EXPECT_EQ(
      expand_shortcodes("{{< figure src=\"/a.jpg\" alt=\"A \\\"quoted\\\"\" caption=\"C\" >}}",
                        context, "p", diagnostics),
      "<figure><img src=\"/a.jpg\" alt=\"A "
      "\\&quot;quoted\\&quot;\"><figcaption>C</figcaption></figure>");
  EXPECT_EQ(expand_shortcodes("{{% highlight go %}}\nx := 1\n{{% /highlight %}}", context, "p",
                              diagnostics),
            "<pre><code class=\"language-go\">x := 1</code></pre>");
  EXPECT_EQ(expand_shortcodes("[t]({{< relref \"x.md#part\" >}}) {{< param author >}}", context,
                              "p", diagnostics),
            "[t](/2015/06/x/) Ole");
  EXPECT_EQ(expand_shortcodes("{{</* youtube abc */>}}", context, "p", diagnostics),
            "{{< youtube abc >}}");
  EXPECT_TRUE(diagnostics.empty());
  EXPECT_EQ(expand_shortcodes("{{< gallery dir=\"/x\" />}}", context, "p", diagnostics),
            "{{< gallery dir=\"/x\" />}}");
  EXPECT_EQ(diagnostics.warnings().size(), 1u);
}

}  // namespace blogarchive::importers::sitefolders
