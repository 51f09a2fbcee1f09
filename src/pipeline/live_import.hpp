#pragma once
// `import https://blog.example.com/`: a running WordPress read through its public REST
// API, as an anonymous visitor sees it, into the answers importers/wordpress/rest_records
// reads. Every answer goes to the download journal as it arrives, so that a run stopped
// by the network is resumed by the next one; the store is only written once all is there.
#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

#include "blogarchive/options.hpp"
#include "importers/wordpress/rest_records.hpp"

namespace blogarchive::pipeline {

/// True when an import source is written as a URL ("https://…", also "ftp://…", which
/// download_live_site refuses) rather than as a file or folder.
bool names_a_url(const std::string& source);

/// What was downloaded, and how much of it an earlier run had already fetched.
struct LiveSite {
  importers::RestAnswers answers;
  std::string api_root;      ///< "https://blog.example.com/wp-json/" or ".../?rest_route=/"
  std::size_t requests = 0;  ///< answers the import consists of
  std::size_t resumed = 0;   ///< of those, taken from an earlier run's journal
  std::vector<std::string> warnings;  ///< lists the site keeps from visitors
};

/// Finds the site's REST API and downloads every public post, page, attachment,
/// comment, term and author. Throws InputError for an address that is not a WordPress
/// with the REST API, NetworkError when the site stops answering (the answers so far
/// stay in the journal).
LiveSite download_live_site(const std::string& address, const ImportOptions& options);

/// Removes the download journal, once what it held is committed to the store.
void forget_downloads(const ImportOptions& options);

}  // namespace blogarchive::pipeline
