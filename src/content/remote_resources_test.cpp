#include "content/remote_resources.hpp"

#include <gtest/gtest.h>

#include "content/html_tree.hpp"

namespace blogarchive::content {
namespace {

// Every local image is 600 × 400 pixels, with WordPress's 300-pixel size beside it.
ImageRules local_images() {
  ImageRules rules;
  rules.local_image = [](std::string_view url) -> std::optional<LocalImage> {
    const std::string path(url);
    const std::string small = path.substr(0, path.size() - 4) + "-300x200.jpg";
    return LocalImage{{600, 400}, {{small, {300, 200}}, {path, {600, 400}}}};
  };
  return rules;
}

std::string contained(const std::string& html) {
  auto nodes = parse_fragment(html);
  contain_images(nodes, local_images());
  return serialize(nodes);
}

TEST(ContainImages, SizesAGalleryImageByItsColumnNotItsFile) {
  // Four columns of the 632-pixel text column, the 3:2 picture covering a square cell.
  const std::string block = contained(
      "<figure class=\"wp-block-gallery columns-4\"><ul class=\"blocks-gallery-grid\"><li><img "
      "src=\"/a.jpg\" alt=\"\">"
      "</li></ul></figure>");
  EXPECT_NE(block.find("sizes=\"(max-width: 30rem) 75vw, 237px\""), std::string::npos) << block;
  // A classic gallery without columns= has WordPress's three.
  const std::string classic =
      contained("<ul class=\"gallery\"><li><img src=\"/b.jpg\" alt=\"\"></li></ul>");
  EXPECT_NE(classic.find("sizes=\"(max-width: 30rem) 75vw, 316px\""), std::string::npos) << classic;
  // Outside a gallery, and in a gallery of one column, the image's own width.
  for (const char* html :
       {"<p><img src=\"/c.jpg\" alt=\"\"></p>",
        "<ul class=\"gallery columns-1\"><li><img src=\"/c.jpg\" alt=\"\"></li></ul>"}) {
    const std::string alone = contained(html);
    EXPECT_NE(alone.find("sizes=\"(max-width: 600px) 100vw, 600px\""), std::string::npos) << alone;
  }
}

TEST(ContainImages, AReplacedImageDoesNotRunIntoTheWordsBesideIt) {
  ImageRules rules;
  rules.remote_label = "Bild auf ";
  rules.missing_label = "Bild nicht im Archiv: ";
  rules.local_file_exists = [](std::string_view) { return false; };
  const auto replaced = [&](const std::string& html) {
    auto nodes = parse_fragment(html);
    contain_images(nodes, rules);
    return serialize(nodes);
  };
  // A floated logo written against the paragraph's first word, with only a title.
  EXPECT_EQ(replaced("<p><img class=\"alignleft\" title=\"MySQL logo\" alt=\"\" "
                     "src=\"http://dev.mysql.com/logo.gif\">Continuing with</p>"),
            "<p><a class=\"remote-image\" href=\"http://dev.mysql.com/logo.gif\">MySQL logo "
            "(Bild auf dev.mysql.com)</a> Continuing with</p>");
  EXPECT_EQ(replaced("<p>Werkbank<img src=\"/wp-content/fehlt.jpg\" alt=\"Hobel\">und mehr</p>"),
            "<p>Werkbank <span class=\"missing-image\">Bild nicht im Archiv: Hobel</span> und "
            "mehr</p>");
  // A logo in a link, the link written against the text (mikechristianson's Dropwizard
  // article): the space goes after the link.
  EXPECT_EQ(replaced("<p><a href=\"http://dropwizard.example/\"><img "
                     "src=\"http://dropwizard.example/logo.png\"></a>Java developers</p>"),
            "<p><a href=\"http://dropwizard.example/\"><span class=\"remote-image\">Bild auf "
            "dropwizard.example</span></a> Java developers</p>");
  // Punctuation and spaces that are there already are left as they are.
  EXPECT_EQ(replaced("<p>Siehe <img src=\"https://example.org/a.png\" alt=\"\">.</p>"),
            "<p>Siehe <a class=\"remote-image\" href=\"https://example.org/a.png\">Bild auf "
            "example.org</a>.</p>");
}

}  // namespace
}  // namespace blogarchive::content
