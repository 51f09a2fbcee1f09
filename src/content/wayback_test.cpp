#include "content/wayback.hpp"

#include <gtest/gtest.h>

namespace blogarchive::content {
namespace {

std::string with_links(std::string_view html, WaybackLinks::Mode mode) {
  auto nodes = parse_fragment(html);
  add_wayback_links(nodes, {mode, "20080510074500", "archivierte Fassung"});
  return serialize(nodes);
}

TEST(Wayback, AddsACopyLinkBesideEachExternalLink) {
  EXPECT_EQ(
      with_links("<p>Siehe <a href=\"http://saegewerk.example.com/gatter\">das Gatter</a>.</p>",
                 WaybackLinks::Mode::Beside),
      "<p>Siehe <a href=\"http://saegewerk.example.com/gatter\">das Gatter</a> (<a "
      "class=\"wayback\" "
      "href=\"https://web.archive.org/web/20080510074500/http://saegewerk.example.com/"
      "gatter\">archivierte "
      "Fassung</a>).</p>");
}

TEST(Wayback, ReplacesTheLinkAndKeepsTheOriginalInItsTitle) {
  EXPECT_EQ(with_links("<a href=\"https://example.org/a?b=1\">a</a>", WaybackLinks::Mode::Replace),
            "<a href=\"https://web.archive.org/web/20080510074500/https://example.org/a?b=1\" "
            "title=\"https://example.org/a?b=1\">a</a>");
}

TEST(Wayback, LeavesArchiveLinksMailAndTheWaybackMachineAlone) {
  const std::string html =
      "<a href=\"/2010/01/x/\">x</a><a href=\"mailto:a@b.c\">m</a>"
      "<a href=\"https://web.archive.org/web/2009/http://x.example/\">w</a><a name=\"top\"></a>";
  EXPECT_EQ(with_links(html, WaybackLinks::Mode::Beside), html);
  EXPECT_EQ(with_links("<a href=\"http://x.example/\">x</a>", WaybackLinks::Mode::Off),
            "<a href=\"http://x.example/\">x</a>");
}

}  // namespace
}  // namespace blogarchive::content
