// The blog's media brought home: `import --uploads` copies what published posts use
// (originals, WordPress's sizes, gallery and linked files) into the store, `build`
// publishes exactly those at their old paths, and `--fetch-media` downloads the rest
// from a stand-in of the old site on 127.0.0.1.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>

#include "run_cli.hpp"
#include "services.hpp"
#include "test_paths.hpp"

namespace blogarchive::testing {
namespace {

constexpr const char* kConfig = "base_url = \"https://archiv.example.org/\"\nlanguage = \"de\"\n";

std::string item(int id, int day, const char* status, const char* slug, const std::string& content,
                 int parent = 0, const char* type = "post", const char* attachment_url = "") {
  return fmt::format(
      "<item><title>{1}</title><link>http://werkstatt.example.de/2009/03/{1}/</link>"
      "<content:encoded><![CDATA[{2}]]></content:encoded><wp:post_id>{0}</wp:post_id>"
      "<wp:post_date>2009-03-{7:02} 10:00:00</wp:post_date><wp:post_name>{1}</wp:post_name>"
      "<wp:status>{3}</wp:status><wp:post_parent>{4}</wp:post_parent><wp:post_type>{5}</"
      "wp:post_type>"
      "<wp:attachment_url>{6}</wp:attachment_url></item>\n",
      id, slug, content, status, parent, type, attachment_url, day);
}

std::string export_with_media() {
  const std::string old = "http://werkstatt.example.de/wp-content/uploads/";
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
         "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
         "xmlns:wp=\"http://wordpress.org/export/1.2/\">"
         "<channel><title>Werkstatt</title><link>http://werkstatt.example.de</link>"
         "<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>http://werkstatt.example.de</"
         "wp:base_site_url>\n" +
         item(1, 1, "publish", "hobel",
              "<img src=\"" + old + "2009/03/bild-300x200.jpg\" srcset=\"" + old +
                  "2009/03/bild-1024x768.jpg 1024w\" "
                  "alt=\"Bild\"> <a href=\"" +
                  old + "2009/05/anleitung.pdf\">Anleitung</a>") +
         item(2, 2, "publish", "galerie", "Die Bilder: [gallery ids=\"40\"]") +
         item(3, 3, "publish", "verloren",
              "<img src=\"/wp-content/uploads/2009/06/fehlt.jpg\" alt=\"Fehlt\"> "
              "<img src=\"" +
                  old + "2009/08/weg.jpg\" alt=\"Weg\"> <a href=\"" + old +
                  "2009/09/shell.php.jpg\">x</a>") +
         item(4, 4, "draft", "entwurf",
              "<img src=\"" + old + "2009/07/entwurf.jpg\" alt=\"Entwurf\">") +
         item(40, 5, "inherit", "galeriebild", "", 0, "attachment",
              (old + "2009/04/galerie.jpg").c_str()) +
         "</channel></rss>\n";
}

// A fake file whose bytes name it, so that a mix-up shows.
void put(const std::filesystem::path& file) {
  std::filesystem::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << "bytes of " << file.filename().string() << '\n';
}

// One line of the import report's media section, as it prints it.
std::string row(const std::string& label, std::size_t count) {
  return fmt::format("  {:<46} {:>6}\n", label, count);
}

struct MediaSite {
  std::filesystem::path dir;
  std::filesystem::path uploads;
  CliRun import;
  CliRun build;
};

MediaSite import_and_build_with_uploads(const std::string& name,
                                        const Arguments& extra_import_options = {}) {
  MediaSite site;
  site.dir = fresh_temp_dir(name);
  site.uploads = site.dir / "uploads";
  for (const char* file :
       {"2009/03/bild.jpg", "2009/03/bild-300x200.jpg", "2009/03/bild-150x150.jpg",
        "2009/04/galerie.jpg", "2009/05/anleitung.pdf", "2009/07/entwurf.jpg", "privat/ausweis.jpg",
        "2009/09/shell.php.jpg"}) {
    put(site.uploads / file);
  }
  std::ofstream(site.dir / "blog.xml") << export_with_media();
  std::ofstream(site.dir / "archive.toml") << kConfig;
  site.import = run_cli(Arguments{"import", site.dir / "blog.xml", "--store", site.dir / "blog.db",
                                  "--uploads", site.uploads} +
                        extra_import_options);
  site.build = run_cli({"build", "--store", site.dir / "blog.db", "--config",
                        site.dir / "archive.toml", "--out", site.dir / "site", "-q"});
  return site;
}

TEST(Media, PublishesExactlyWhatPublishedPostsUseAtTheirOldPaths) {
  const auto site = import_and_build_with_uploads("media-uploads");
  ASSERT_EQ(site.import.exit_code, 0) << site.import.output;
  ASSERT_EQ(site.build.exit_code, 0) << site.build.output;
  const auto files = read_tree(site.dir / "site");
  for (const char* used : {"2009/03/bild-300x200.jpg", "2009/03/bild.jpg", "2009/04/galerie.jpg",
                           "2009/05/anleitung.pdf"}) {
    const std::string path = std::string("wp-content/uploads/") + used;
    ASSERT_EQ(files.count(path), 1u) << path;
    EXPECT_EQ(files.at(path), read_file(site.uploads / used)) << path;
  }
  for (const char* unused : {"2009/07/entwurf.jpg", "privat/ausweis.jpg",
                             "2009/03/bild-150x150.jpg", "2009/09/shell.php.jpg"}) {
    EXPECT_EQ(files.count(std::string("wp-content/uploads/") + unused), 0u)
        << unused << " must not be published";
  }
  const std::string& hobel = files.at("2009/03/hobel/index.html");
  EXPECT_NE(hobel.find("src=\"/wp-content/uploads/2009/03/bild-300x200.jpg\""), std::string::npos)
      << hobel;
  EXPECT_NE(hobel.find("href=\"/wp-content/uploads/2009/05/anleitung.pdf\""), std::string::npos);
  // The size the copy lacks is answered by its original.
  EXPECT_NE(hobel.find("/wp-content/uploads/2009/03/bild.jpg 1024w"), std::string::npos) << hobel;
  EXPECT_NE(files.at("2009/03/galerie/index.html")
                .find("src=\"/wp-content/uploads/2009/04/galerie.jpg\""),
            std::string::npos);
}

TEST(Media, ReportsMissingAndUnusedFiles) {
  const auto site = import_and_build_with_uploads("media-report");
  const std::string& report = site.import.output;
  EXPECT_NE(
      report.find("post 3 \"verloren\": media file missing: /wp-content/uploads/2009/06/fehlt.jpg"),
      std::string::npos)
      << report;
  EXPECT_NE(report.find(row("missing (kept as links to the old site)", 2)), std::string::npos)
      << report;
  EXPECT_NE(report.find(row("used by nothing published, not copied", 2) +
                        "    2009/07/entwurf.jpg\n    privat/ausweis.jpg\n"),
            std::string::npos)
      << report;
  EXPECT_NE(report.find(row("other sizes of copied images, not needed", 1)), std::string::npos)
      << report;
  // Apache with mod_php runs shell.php.jpg as PHP: linked or not, it stays out.
  EXPECT_NE(report.find("warning: /wp-content/uploads/2009/09/shell.php.jpg: a server could run "
                        "this file; it is not "
                        "copied\n"),
            std::string::npos)
      << report;
  // The missing absolute image stays a link to the old site; the build says where.
  const auto page = read_file(site.dir / "site/2009/03/verloren/index.html");
  EXPECT_NE(page.find("href=\"http://werkstatt.example.de/wp-content/uploads/2009/08/weg.jpg\""),
            std::string::npos)
      << page;
  EXPECT_NE(site.build.output.find(
                "media file missing from the uploads copy, kept as a link to the old site: "
                "http://werkstatt.example.de/wp-content/uploads/2009/08/weg.jpg"),
            std::string::npos)
      << site.build.output;
}

TEST(Media, ASiteIconTheCopyLacksIsReportedAndTheMonogramStandsIn) {
  const auto dir = fresh_temp_dir("media-site-icon");
  std::string blog = export_with_media();
  blog.replace(
      blog.find("</channel>"), 0,
      "<item><title>icon</title><wp:post_id>50</wp:post_id><wp:post_type>attachment</wp:post_type>"
      "<wp:status>inherit</wp:status><wp:attachment_url>http://werkstatt.example.de/wp-content/"
      "uploads/2009/"
      "12/cropped-icon.png</wp:attachment_url><wp:postmeta><wp:meta_key>_wp_attachment_context</"
      "wp:meta_key>"
      "<wp:meta_value>site-icon</wp:meta_value></wp:postmeta></item>\n");
  std::ofstream(dir / "blog.xml") << blog;
  std::ofstream(dir / "archive.toml") << kConfig;
  put(dir / "uploads/2009/03/bild.jpg");
  const std::string d = dir.string();
  const auto imported =
      run_cli({"import", d + "/blog.xml", "--store", d + "/blog.db", "--uploads", d + "/uploads"});
  EXPECT_NE(imported.output.find("warning: the site icon: media file missing: "
                                 "/wp-content/uploads/2009/12/cropped-icon.png; "
                                 "the archive shows its monogram instead"),
            std::string::npos)
      << imported.output;
  const auto built = run_cli({"build", "--store", d + "/blog.db", "--config", d + "/archive.toml",
                              "--out", d + "/site", "-q"});
  ASSERT_EQ(built.exit_code, 0) << built.output;
  const std::string page = read_file(dir / "site/2009/03/hobel/index.html");
  EXPECT_NE(page.find("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">"),
            std::string::npos)
      << page;
  EXPECT_EQ(page.find("cropped-icon"), std::string::npos);
}

TEST(Media, FetchesWhatTheCopyLacksFromTheOldSiteAndResumes) {
  // The old site, as far as it still answers: one of the two missing files.
  const auto old_site = fresh_temp_dir("media-old-site");
  put(old_site / "wp-content/uploads/2009/06/fehlt.jpg");
  put(old_site / "index.html");
  const int port = free_port();
  const BackgroundProcess server(
      {cli_path().string(), "serve", old_site.string(), "--port", std::to_string(port)}, port);
  ASSERT_TRUE(server.running());
  const Arguments from{"--fetch-media", "--fetch-from", "http://127.0.0.1:" + std::to_string(port)};

  const auto site = import_and_build_with_uploads("media-fetch", from);
  ASSERT_EQ(site.import.exit_code, 0) << site.import.output;
  EXPECT_NE(
      site.import.output.find(row("fetched from http://127.0.0.1:" + std::to_string(port), 1)),
      std::string::npos)
      << site.import.output;
  EXPECT_NE(site.import.output.find("wp-content/uploads/2009/08/weg.jpg (HTTP 404, 1 attempt(s))"),
            std::string::npos)
      << site.import.output;
  EXPECT_EQ(read_file(site.dir / "site/wp-content/uploads/2009/06/fehlt.jpg"),
            read_file(old_site / "wp-content/uploads/2009/06/fehlt.jpg"));
  EXPECT_NE(read_file(site.dir / "site/2009/03/verloren/index.html")
                .find("src=\"/wp-content/uploads/2009/06/fehlt.jpg\""),
            std::string::npos);

  // A second run without the uploads copy asks only for what is still missing.
  const auto again =
      run_cli(Arguments{"import", site.dir / "blog.xml", "--store", site.dir / "blog.db"} + from);
  EXPECT_NE(again.output.find(row("used by published content", 7)), std::string::npos)
      << again.output;
  EXPECT_NE(again.output.find(row("fetched from http://127.0.0.1:" + std::to_string(port), 0)),
            std::string::npos)
      << again.output;
  EXPECT_NE(again.output.find(row("missing (kept as links to the old site)", 1)), std::string::npos)
      << again.output;
}

TEST(Media, FetchesFromTheBlogsOwnAddressPortIncluded) {
  const auto old_site = fresh_temp_dir("media-own-address");
  put(old_site / "wp-content/uploads/2009/06/fehlt.jpg");
  put(old_site / "index.html");
  const int port = free_port();
  const BackgroundProcess server(
      {cli_path().string(), "serve", old_site.string(), "--port", std::to_string(port)}, port);
  ASSERT_TRUE(server.running());
  const auto dir = fresh_temp_dir("media-own-address-import");
  // The same export, with the old blog at this address.
  const std::string address = "http://127.0.0.1:" + std::to_string(port);
  const std::string original = export_with_media();
  const std::string_view old_address = "http://werkstatt.example.de";
  std::string blog;
  std::size_t copied = 0;
  for (auto at = original.find(old_address); at != std::string::npos;
       at = original.find(old_address, copied)) {
    blog += original.substr(copied, at - copied) + address;
    copied = at + old_address.size();
  }
  blog += original.substr(copied);
  std::ofstream(dir / "blog.xml") << blog;
  const auto run = run_cli({"import", dir.string() + "/blog.xml", "--store",
                            dir.string() + "/blog.db", "--fetch-media"});
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find(row("fetched from " + address, 1)), std::string::npos) << run.output;
}

// A WordPress.com blog: its files were at NAME.files.wordpress.com/2011/03/x.png (often
// with ?w=300 for a smaller copy), its pages at its own domain.
std::string wordpress_com_export() {
  const std::string files = "https://werkbank.files.wordpress.com/";
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
         "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
         "xmlns:wp=\"http://wordpress.org/export/1.2/\">"
         "<channel><title>Werkbank</title><link>http://werkbank.example.de</link>"
         "<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>http://wordpress.com/</"
         "wp:base_site_url>"
         "<wp:base_blog_url>http://werkbank.example.de</wp:base_blog_url>\n" +
         item(1, 1, "publish", "hobel",
              "<a href=\"" + files + "2011/03/hobel.png\"><img src=\"" + files +
                  "2011/03/hobel.png?w=300\" alt=\"Hobel\"></a> [gallery ids=\"40,41\"]") +
         item(40, 2, "inherit", "bank", "", 1, "attachment", (files + "2011/03/bank.jpg").c_str()) +
         item(41, 3, "inherit", "zwinge", "", 1, "attachment",
              (files + "2011/03/zwinge.jpg").c_str()) +
         "</channel></rss>\n";
}

TEST(Media, BringsHomeTheFilesOfAWordPressComBlog) {
  const auto dir = fresh_temp_dir("media-wordpress-com");
  std::ofstream(dir / "blog.xml") << wordpress_com_export();
  std::ofstream(dir / "archive.toml") << kConfig;
  // What the owner downloaded from the files host, as it is laid out there.
  for (const char* file : {"2011/03/hobel.png", "2011/03/bank.jpg"}) {
    put(dir / "uploads" / file);
  }
  // The missing one comes from a stand-in of the files host.
  const auto files_host = fresh_temp_dir("media-wordpress-com-files");
  put(files_host / "2011/03/zwinge.jpg");
  put(files_host / "index.html");
  const int port = free_port();
  const BackgroundProcess server(
      {cli_path().string(), "serve", files_host.string(), "--port", std::to_string(port)}, port);
  ASSERT_TRUE(server.running());
  const std::string d = dir.string();
  const auto import =
      run_cli({"import", d + "/blog.xml", "--store", d + "/blog.db", "--uploads", d + "/uploads",
               "--uploads-url", "https://werkbank.files.wordpress.com/", "--fetch-media",
               "--fetch-from", fmt::format("http://127.0.0.1:{0}", port)});
  ASSERT_EQ(import.exit_code, 0) << import.output;
  EXPECT_NE(import.output.find(row("used by published content", 3)), std::string::npos)
      << import.output;
  EXPECT_NE(import.output.find(row("fetched from http://127.0.0.1:" + std::to_string(port), 1)),
            std::string::npos)
      << import.output;
  const auto build = run_cli({"build", "--store", d + "/blog.db", "--config", d + "/archive.toml",
                              "--out", d + "/site", "-q"});
  ASSERT_EQ(build.exit_code, 0) << build.output;
  const std::string page = read_file(dir / "site/2009/03/hobel/index.html");
  EXPECT_NE(page.find("<a href=\"/wp-content/uploads/2011/03/hobel.png\"><img "
                      "src=\"/wp-content/uploads/2011/03/hobel.png\""),
            std::string::npos)
      << page;
  EXPECT_NE(page.find("src=\"/wp-content/uploads/2011/03/bank.jpg\""), std::string::npos) << page;
  EXPECT_NE(page.find("src=\"/wp-content/uploads/2011/03/zwinge.jpg\""), std::string::npos) << page;
  EXPECT_EQ(read_file(dir / "site/wp-content/uploads/2011/03/zwinge.jpg"),
            read_file(files_host / "2011/03/zwinge.jpg"));
}

TEST(Media, RefusesAnUploadsFolderThatIsNotOne) {
  const auto dir = fresh_temp_dir("media-bad");
  std::ofstream(dir / "blog.xml") << export_with_media();
  const auto run = run_cli({"import", dir.string() + "/blog.xml", "--store",
                            dir.string() + "/blog.db", "--uploads", dir.string() + "/nirgends"});
  EXPECT_NE(run.exit_code, 0);
  EXPECT_NE(run.output.find("is not a folder; give the copy of wp-content/uploads"),
            std::string::npos)
      << run.output;
}

}  // namespace
}  // namespace blogarchive::testing
