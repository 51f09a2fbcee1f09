#include "content/contact_details.hpp"

#include <algorithm>
#include <cctype>
#include <tuple>

#include "core/field_count.hpp"
#include "core/text.hpp"

namespace blogarchive::content {
namespace {

bool is_local_char(unsigned char c) {
  return std::isalnum(c) != 0 || c == '.' || c == '_' || c == '-' || c == '+' || c == '%';
}

bool is_domain_char(unsigned char c) {
  return std::isalnum(c) != 0 || c == '.' || c == '-';
}

// An address around the '@' at `at`: [begin, end), or begin == end when there is none.
// Needs a dot in the domain and a top-level part of two letters or more.
std::pair<std::size_t, std::size_t> email_around(std::string_view text, std::size_t at) {
  std::size_t begin = at;
  while (begin > 0 && is_local_char(static_cast<unsigned char>(text[begin - 1]))) {
    --begin;
  }
  std::size_t end = at + 1;
  while (end < text.size() && is_domain_char(static_cast<unsigned char>(text[end]))) {
    ++end;
  }
  while (end > at + 1 && (text[end - 1] == '.' || text[end - 1] == '-')) {
    --end;  // the sentence's full stop
  }
  const std::string_view domain = text.substr(at + 1, end - at - 1);
  const auto dot = domain.rfind('.');
  const bool valid = begin < at && dot != std::string_view::npos && dot > 0 &&
                     domain.size() - dot - 1 >= 2 &&
                     std::isalpha(static_cast<unsigned char>(domain.back())) != 0;
  return valid ? std::pair{begin, end} : std::pair{at, at};
}

bool is_phone_char(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0 || c == ' ' || c == '-' || c == '/' ||
         c == '(' || c == ')' || c == '.';
}

// A phone number starting at `at` (which holds '+', '0' or '('): its end, or `at` when
// there is none. 8 to 15 digits, as international and national numbers have; a date
// ("05.01.2010") or a number with a decimal point is not one.
std::size_t phone_at(std::string_view text, std::size_t at) {
  if (at > 0 && (std::isalnum(static_cast<unsigned char>(text[at - 1])) != 0 ||
                 text[at - 1] == '.' || text[at - 1] == ',')) {
    return at;
  }
  std::size_t end = at + (text[at] == '+' ? 1 : 0);
  std::size_t digits = 0;
  std::size_t last_digit = at;
  while (end < text.size() && is_phone_char(text[end])) {
    if (std::isdigit(static_cast<unsigned char>(text[end])) != 0) {
      ++digits;
      last_digit = end;
    }
    ++end;
  }
  if (digits < 8 || digits > 15) {
    return at;
  }
  const std::string_view number = text.substr(at, last_digit + 1 - at);
  const auto dots = std::count(number.begin(), number.end(), '.');
  const bool separated = number.find_first_of(" -/()") != std::string_view::npos;
  if (dots >= 2 && !separated) {
    return at;  // 05.01.2010, 1.234.567
  }
  if (!separated && text[at] != '+' && digits < 10) {
    return at;  // a bare number such as an order or article number
  }
  return last_digit + 1;
}

void mask_children(std::vector<HtmlNode>& nodes, const ContactMasking& masking, int& masked) {
  std::vector<HtmlNode> result;
  result.reserve(nodes.size());
  for (auto& node : nodes) {
    if (node.kind == HtmlNode::Kind::Text) {
      node.text = mask_contact_text(node.text, masking, masked);
      result.push_back(std::move(node));
      continue;
    }
    if (node.kind != HtmlNode::Kind::Element) {
      result.push_back(std::move(node));
      continue;
    }
    mask_children(node.children, masking, masked);
    const std::string* href = node.name == "a" ? node.attribute("href") : nullptr;
    if (href != nullptr && (core::starts_with_ci(core::trim(*href), "mailto:") ||
                            core::starts_with_ci(core::trim(*href), "tel:"))) {
      ++masked;
      for (auto& child : node.children) {
        result.push_back(std::move(child));
      }
      continue;
    }
    result.push_back(std::move(node));
  }
  nodes = std::move(result);
}

}  // namespace

std::string mask_contact_text(std::string_view text, const ContactMasking& masking, int& masked) {
  std::string out;
  std::size_t copied = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    std::size_t begin = i;
    std::size_t end = i;
    const std::string* label = nullptr;
    if (c == '@') {
      std::tie(begin, end) = email_around(text, i);
      label = &masking.email_label;
    } else if (c == '+' || c == '0' || c == '(') {
      end = phone_at(text, i);
      label = &masking.phone_label;
    }
    if (end == begin || begin < copied) {
      continue;
    }
    out.append(text.substr(copied, begin - copied));
    out += *label;
    ++masked;
    copied = end;
    i = end - 1;
  }
  out.append(text.substr(copied));
  return out;
}

int mask_contact_details(std::vector<HtmlNode>& nodes, const ContactMasking& masking) {
  int masked = 0;
  if (masking.enabled) {
    mask_children(nodes, masking, masked);
  }
  return masked;
}

void ContactMasking::hash_into(core::ContentHash& hash) const {
  static_assert(core::field_count<ContactMasking> == 3,
                "a new field of ContactMasking must be hashed here");
  hash.add(static_cast<std::int64_t>(enabled)).add(email_label).add(phone_label);
}

}  // namespace blogarchive::content
