#pragma once
// The blog's media files the store holds, by the URL path they had on the old site:
// which references in content the archive can answer with its own copy.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "blog/post.hpp"
#include "core/image_size.hpp"

namespace blogarchive::site {

/// Where WordPress kept uploads unless the export says otherwise.
inline constexpr const char* kDefaultMediaPrefix = "/wp-content/uploads/";

/// "/x/bild-300x200.jpg" → "/x/bild.jpg": the original of a size WordPress made of an
/// upload (also "-scaled", WordPress 5.3's cap for large images); nullopt for others.
std::optional<std::string> original_of_resized(std::string_view path);

/// True for files a web server may run instead of sending (PHP, CGI, server-side
/// includes, .htaccess): a classic of compromised uploads folders. They are never
/// copied into the archive, whoever links them.
bool is_server_script(std::string_view path);

/// Hosts that serve a WordPress.com blog's uploads at their root:
/// "chrisjrob.files.wordpress.com/2011/03/x.png" is the file the archive keeps as
/// "/wp-content/uploads/2011/03/x.png". Those the export's attachments name, and
/// NAME.files.wordpress.com for a blog at NAME.wordpress.com.
std::set<std::string> wordpress_com_media_hosts(const blog::Snapshot& snapshot);

/// The media path (under `prefix`) of a URL on one of `hosts`, decoded and normalized;
/// its query (WordPress.com's "?w=300" resizing) ignored. nullopt for other URLs.
std::optional<std::string> media_host_path(std::string_view url, const std::set<std::string>& hosts,
                                           std::string_view prefix);

class MediaFiles {
 public:
  MediaFiles() = default;
  /// `paths`: decoded URL paths; `prefix`: the folder URL they all came from;
  /// `image_sizes`: the pixel size of the images among them.
  MediaFiles(std::vector<std::string> paths, std::string prefix,
             std::map<std::string, core::ImageSize, std::less<>> image_sizes = {});

  /// The file that answers a decoded, normalized path: itself, or for a resized variant
  /// the archive lacks, its original.
  std::optional<std::string> find(std::string_view path) const;
  /// True for a path in the media folder, whether or not the archive has the file.
  bool in_media_folder(std::string_view path) const;
  bool empty() const { return paths_.empty(); }
  const std::string& prefix() const { return prefix_; }
  const std::set<std::string, std::less<>>& paths() const { return paths_; }
  const std::map<std::string, core::ImageSize, std::less<>>& image_sizes() const {
    return image_sizes_;
  }

  /// The pixel size of the image at `path`, when the archive has it and knows it.
  std::optional<core::ImageSize> image_size(std::string_view path) const;
  /// Every size the archive has of the image at `path`: its original and the sizes
  /// WordPress made of it ("bild-300x200.jpg"), each with its pixel size, narrowest
  /// first; empty when there is only one or none.
  std::vector<std::pair<std::string, core::ImageSize>> image_variants(std::string_view path) const;

 private:
  std::set<std::string, std::less<>> paths_;
  std::map<std::string, core::ImageSize, std::less<>> image_sizes_;
  std::map<std::string, std::vector<std::string>, std::less<>>
      variants_;  ///< by original: its resized files
  std::string prefix_ = kDefaultMediaPrefix;
};

}  // namespace blogarchive::site
