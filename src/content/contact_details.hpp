#pragma once
// Readers typed their own e-mail addresses and phone numbers into public comments years
// ago; an archive would republish them for good. The text keeps everything else.
#include <string>
#include <string_view>
#include <vector>

#include "content/html_tree.hpp"
#include "core/content_hash.hpp"

namespace blogarchive::content {

/// What masking replaces contact details with; masking is off when `enabled` is false.
struct ContactMasking {
  bool enabled = false;
  std::string email_label = "[e-mail address removed]";
  std::string phone_label = "[phone number removed]";

  /// Every field, for the render cache's key.
  void hash_into(core::ContentHash& hash) const;
};

/// Replaces e-mail addresses and phone numbers in the tree's text with the labels, and
/// unwraps mailto: and tel: links (their text masked like any other). Returns how many
/// details were masked.
int mask_contact_details(std::vector<HtmlNode>& nodes, const ContactMasking& masking);

/// The same for one piece of plain text.
std::string mask_contact_text(std::string_view text, const ContactMasking& masking, int& masked);

}  // namespace blogarchive::content
