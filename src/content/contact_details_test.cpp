#include "content/contact_details.hpp"

#include <gtest/gtest.h>

#include "content/body.hpp"

namespace blogarchive::content {
namespace {

std::string masked(std::string_view raw) {
  BodyOptions options;
  options.policy = &comment_policy();
  options.run_shortcodes = false;
  options.contacts = {true, "[E-Mail]", "[Telefon]"};
  return render_body(raw, options).html;
}

TEST(ContactDetails, MasksEmailAddressesInCommentText) {
  EXPECT_EQ(masked("Schreib mir: hans.meier+blog@example.co.uk. Danke!"),
            "<p>Schreib mir: [E-Mail]. Danke!</p>");
  EXPECT_EQ(masked("<a href=\"mailto:a@b.de\">a@b.de</a>"), "<p>[E-Mail]</p>");
}

TEST(ContactDetails, MasksPhoneNumbersButNotDatesOrPrices) {
  EXPECT_EQ(masked("Ruf an: +49 30 1234567 oder 0171/1234567, (030) 123-4567."),
            "<p>Ruf an: [Telefon] oder [Telefon], [Telefon].</p>");
  EXPECT_EQ(
      masked("Am 05.01.2010 für 1.234.567 Euro, Bestellnummer 4711, Jahr 2009, Version 0.9.1"),
      "<p>Am 05.01.2010 für 1.234.567 Euro, Bestellnummer 4711, Jahr 2009, Version 0.9.1</p>");
}

TEST(ContactDetails, LeavesTwitterHandlesAndTextAlone) {
  EXPECT_EQ(masked("@hans hat recht, siehe example.org"),
            "<p>@hans hat recht, siehe example.org</p>");
}

TEST(ContactDetails, KeepsEverythingWhenOff) {
  int count = 0;
  EXPECT_EQ(mask_contact_text("a@b.de", ContactMasking{}, count), "[e-mail address removed]");
  std::vector<HtmlNode> nodes = parse_fragment("a@b.de");
  EXPECT_EQ(mask_contact_details(nodes, ContactMasking{}), 0);
  EXPECT_EQ(serialize(nodes), "a@b.de");
}

}  // namespace
}  // namespace blogarchive::content
