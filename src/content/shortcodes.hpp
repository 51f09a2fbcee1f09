#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace blogarchive::content {

/// A media file a gallery can show.
struct MediaItem {
  std::int64_t id = 0;
  std::string url;
  std::string title;
  std::string caption;  ///< the attachment's caption (its excerpt), raw HTML; empty: none
};

/// What shortcodes may look up about the post they are in.
struct ShortcodeContext {
  std::vector<MediaItem> attached_media;  ///< the post's attachments, in menu order
  std::function<std::optional<MediaItem>(std::int64_t)> find_media;  ///< by attachment id
};

/// Expands the WordPress shortcodes an archive can show without third-party requests:
/// [caption] → <figure>, [gallery] → a grid of linked images with their captions, [embed], [audio],
/// [video], [youtube=…] and bare URLs on their own line → plain links. Forms (is_form_shortcode)
/// are left out; other shortcodes stay as text. The names of both are appended to
/// `unhandled`.
std::string expand_shortcodes(std::string_view text, const ShortcodeContext& context,
                              std::vector<std::string>& unhandled);

/// Whether the shortcode is a form or poll, which cannot send anything in an archive and
/// is therefore left out of the page.
bool is_form_shortcode(std::string_view name);

/// A shortcode's attributes: `key="value"`, `key='value'`, `key=value`, and positional
/// values under "0", "1", …; keys lower case, values entity-decoded.
std::map<std::string, std::string> parse_shortcode_attributes(std::string_view text);

}  // namespace blogarchive::content
