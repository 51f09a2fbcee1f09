#pragma once
// What the Jekyll and Hugo readers share: walking a site folder, reading its text files,
// and the small mappings both need (markup by extension, URL joining, authors).
#include <filesystem>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "blog/post.hpp"
#include "core/diagnostics.hpp"
#include "importers/importer.hpp"
#include "importers/sitefolders/front_matter.hpp"

namespace blogarchive::importers::sitefolders {

/// A file found in a site folder.
struct SiteFile {
  std::filesystem::path path;
  std::string relative;  ///< from the walked root, with '/' separators
};

/// Every regular file under `root` in path order. Folders and files whose names start
/// with '.' are never entered; `skip_folder(relative_path, name)` drops more folders.
std::vector<SiteFile> list_files(
    const std::filesystem::path& root,
    const std::function<bool(const std::string&, const std::string&)>& skip_folder);

/// Reads and splits a text file. nullopt, with a warning, for a binary file (an image
/// dropped into _posts). A front matter that does not parse is an InputError, or with
/// --recover a warning and nullopt.
std::optional<TextFile> read_text_file(const SiteFile& file, const ReadOptions& options,
                                       core::Diagnostics& diagnostics);

/// The markup a file extension (with dot, any case) is written in: "markdown", "html",
/// or "paragraphs" for plain text; nullopt for data and anything that is not a post.
std::optional<blog::Markup> markup_of_extension(std::string extension,
                                                const std::set<std::string>& markdown_extensions);

/// The site's address and a path of it, joined: ("https://a.org/blog/", "/x/") →
/// "https://a.org/blog/x/". With no address the path alone is the permalink.
std::string join_url(const std::string& base, const std::string& path);

/// A file's date as given in its name, "2008-12-03-title.md" or "2017-2-5-title.md".
struct NamedDate {
  core::DateTime date;
  std::string rest;  ///< what follows the date and its hyphen, extension included
};
std::optional<NamedDate> date_in_file_name(const std::string& name);

/// "post.md" → {"post", ".md"}; a name without a dot (or only a leading one) has no extension.
std::pair<std::string, std::string> split_extension(const std::string& name);

/// "i-dont-like-zeroes" → "I Dont Like Zeroes": the title of a post that has none.
std::string title_from_slug(const std::string& slug);

/// The login of an author known only by name: its slug ("Jana Speiche" →
/// "jana-speiche"), or the name itself when nothing is left to make a slug of.
std::string login_of(std::string_view name);

}  // namespace blogarchive::importers::sitefolders

namespace blogarchive::importers::sitefolders {

/// A front matter date: "2010-01-09", "2010-01-09 13:07:09 +00:00",
/// "2019-03-11T10:00:00+02:00", any year from 1 to 9999. `utc` is set when a zone is given.
struct FrontMatterDate {
  core::DateTime local;
  std::optional<core::DateTime> utc;
};
std::optional<FrontMatterDate> parse_front_matter_date(std::string_view text);

/// Sets the post's dates from a front matter value; an empty text leaves them, one that
/// is not a date is reported at the post's source.
void set_post_date(blog::Post& post, std::string_view text, core::Diagnostics& diagnostics);

/// True when `date` (the blog's wall-clock time) is after the current UTC time: a post
/// scheduled for later was never public.
bool is_in_future(const core::DateTime& date);

}  // namespace blogarchive::importers::sitefolders
