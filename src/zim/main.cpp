// blogarchive-zim: the ZIM export as a program of its own. It links libzim, which is
// GPL-3.0-or-later (and Xapian, GPL-2.0-or-later), so this program is distributed under
// GPL-3.0-or-later while blogarchive itself stays MIT; `blogarchive export --zim` runs
// it. See docs/licensing.md.
#include <CLI/CLI.hpp>
#include <iostream>

#include "zim/zim_archive.hpp"

int main(int argc, char** argv) {
  CLI::App app{
      "blogarchive-zim: a built blogarchive site as a ZIM file for Kiwix (GPL-3.0-or-later)"};
  std::filesystem::path site_dir;
  std::filesystem::path out;
  blogarchive::zim::ZimMetadata metadata;
  app.add_option("--site", site_dir, "The built site")->required()->check(CLI::ExistingDirectory);
  app.add_option("--out", out, "The ZIM file to write")->required();
  app.add_option("--title", metadata.title, "Title (up to 30 characters)")->required();
  app.add_option("--description", metadata.description, "Description (up to 80 characters)")
      ->required();
  app.add_option("--language", metadata.language, "ISO 639-3 language: deu, eng")->required();
  app.add_option("--creator", metadata.creator, "Who wrote the content")->required();
  app.add_option("--publisher", metadata.publisher, "Who made the file")->required();
  app.add_option("--date", metadata.date, "YYYY-MM-DD")->required();
  app.add_option("--name", metadata.name, "Kiwix book name, e.g. werkstattblog_de_all")->required();
  app.add_option("--source", metadata.source, "The archive's address");
  CLI11_PARSE(app, argc, argv);
  try {
    blogarchive::zim::write_zim(site_dir, metadata, out, std::cout);
  } catch (const std::exception& error) {
    std::cerr << "error: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
