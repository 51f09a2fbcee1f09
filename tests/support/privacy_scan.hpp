#pragma once
// The privacy scan: what an export holds that must never be published, read straight
// from the XML with libxml2 (independently of the importer under test), and a search
// of every output file for it.
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace blogarchive::testing {

/// The private facts of one export. Facts that the export also shows in public
/// material (a commenter who wrote their address into a published post) are left out.
struct PrivateFacts {
  std::set<std::string> emails;  ///< of commenters and authors
  std::set<std::string> ips;     ///< of commenters
  /// Distinctive passages of drafts, private, pending, future, trashed and
  /// password-protected posts and pages, and of unapproved and spam comments.
  std::set<std::string> texts;
  std::size_t size() const { return emails.size() + ips.size() + texts.size(); }
};

/// Reads a WordPress export (recovering from malformed XML like the importer does).
PrivateFacts private_facts_of_wxr(const std::filesystem::path& export_file);

/// "file: fact" for every output file (path → content) that contains a private fact;
/// the search index (search/) is read decompressed, terms and stored documents.
std::vector<std::string> find_leaks(const std::map<std::string, std::string>& files,
                                    const PrivateFacts& facts);

}  // namespace blogarchive::testing
