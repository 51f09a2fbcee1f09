// WARC and WACZ exports read back by a reader written here, independent of the writer:
// zlib member by member, OpenSSL for the digests, libzip for the WACZ. Every record must
// match the built site byte for byte.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <zip.h>
#include <zlib.h>

#include <map>
#include <sstream>

#include "run_cli.hpp"
#include "test_paths.hpp"

namespace blogarchive::testing {
namespace {

struct WarcRecord {
  std::map<std::string, std::string> headers;
  std::string block;
  std::size_t offset = 0;  ///< of its gzip member
  std::size_t length = 0;
};

// Inflates one gzip member starting at `offset`; returns the bytes and sets `used`.
std::string inflate_member(const std::string& file, std::size_t offset, std::size_t& used) {
  z_stream stream{};
  EXPECT_EQ(inflateInit2(&stream, 15 + 16), Z_OK);
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(file.data() + offset));
  stream.avail_in = static_cast<uInt>(file.size() - offset);
  std::string out;
  char buffer[65536];
  int status = Z_OK;
  while (status == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof buffer;
    status = inflate(&stream, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - stream.avail_out);
  }
  EXPECT_EQ(status, Z_STREAM_END) << "a gzip member at " << offset << " does not end";
  used = file.size() - offset - stream.avail_in;
  inflateEnd(&stream);
  return out;
}

// One record per gzip member, as WARC readers expect of a .warc.gz.
std::vector<WarcRecord> read_warc(const std::string& file) {
  std::vector<WarcRecord> records;
  for (std::size_t offset = 0; offset < file.size();) {
    std::size_t used = 0;
    const std::string text = inflate_member(file, offset, used);
    WarcRecord record;
    record.offset = offset;
    record.length = used;
    offset += used;
    const auto head_end = text.find("\r\n\r\n");
    EXPECT_TRUE(text.starts_with("WARC/1.1\r\n"));
    std::istringstream head(text.substr(0, head_end));
    std::string line;
    std::getline(head, line);
    while (std::getline(head, line)) {
      if (line.ends_with('\r')) {
        line.pop_back();
      }
      const auto colon = line.find(": ");
      record.headers[line.substr(0, colon)] = line.substr(colon + 2);
    }
    const std::size_t length = std::stoul(record.headers.at("Content-Length"));
    record.block = text.substr(head_end + 4, length);
    EXPECT_EQ(text.substr(head_end + 4 + length), "\r\n\r\n") << "a record must end with two CRLF";
    records.push_back(std::move(record));
  }
  return records;
}

std::string sha(const EVP_MD* algorithm, const std::string& bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &length, algorithm, nullptr);
  return std::string(reinterpret_cast<char*>(digest), length);
}

// RFC 4648 base32, written out bit by bit.
std::string base32(const std::string& bytes) {
  const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  std::string bits;
  for (const unsigned char c : bytes) {
    for (int bit = 7; bit >= 0; --bit)
      bits += ((c >> bit) & 1) ? '1' : '0';
  }
  std::string out;
  for (std::size_t i = 0; i + 5 <= bits.size(); i += 5)
    out += alphabet[std::stoi(bits.substr(i, 5), nullptr, 2)];
  return out;
}

std::string hex(const std::string& bytes) {
  std::string out;
  for (const unsigned char c : bytes)
    out += fmt::format("{:02x}", c);
  return out;
}

struct Exported {
  std::filesystem::path dir;
  std::map<std::string, std::string> site;  ///< published files
};

// `format` names the export option ("--warc") and `file` its file in the test's folder.
Exported export_sample(const std::string& name, const std::string& format,
                       const std::string& file) {
  Exported e;
  e.dir = fresh_temp_dir(name);
  const auto source = source_dir();
  EXPECT_EQ(run_cli({"import", source / "examples/werkstattblog.wordpress.xml", "--store",
                     e.dir / "blog.db", "-q", "--uploads", source / "examples/uploads"})
                .exit_code,
            0);
  EXPECT_EQ(run_cli({"build", "--store", e.dir / "blog.db", "--config",
                     source / "examples/archive.toml", "--out", e.dir / "site", "-q"})
                .exit_code,
            0);
  const auto run =
      run_cli({"export", "--store", e.dir / "blog.db", "--config", source / "examples/archive.toml",
               "--site", e.dir / "site", format, e.dir / file});
  EXPECT_EQ(run.exit_code, 0) << run.output;
  for (auto& [path, bytes] : read_tree(e.dir / "site")) {
    if (path != "_redirects" && path != "_headers" && path != ".htaccess") {
      e.site[path] = std::move(bytes);
    }
  }
  return e;
}

// "http://127.0.0.1:8080/2010/01/x/" → "2010/01/x/index.html"
std::string file_of(const std::string& url) {
  std::string path = url.substr(std::string("http://127.0.0.1:8080/").size());
  std::string decoded;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '%' && i + 2 < path.size()) {
      decoded += static_cast<char>(std::stoi(path.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      decoded += path[i];
    }
  }
  return decoded.empty() || decoded.back() == '/' ? decoded + "index.html" : decoded;
}

void expect_records_match_site(const std::vector<WarcRecord>& records,
                               const std::map<std::string, std::string>& site) {
  ASSERT_FALSE(records.empty());
  EXPECT_EQ(records[0].headers.at("WARC-Type"), "warcinfo");
  std::map<std::string, int> seen;
  for (std::size_t i = 1; i < records.size(); ++i) {
    const auto& r = records[i];
    EXPECT_EQ(r.headers.at("WARC-Type"), "response");
    EXPECT_EQ(r.headers.at("Content-Type"), "application/http;msgtype=response");
    EXPECT_EQ(r.headers.at("WARC-Block-Digest"), "sha1:" + base32(sha(EVP_sha1(), r.block)));
    const std::string file = file_of(r.headers.at("WARC-Target-URI"));
    ++seen[file];
    ASSERT_EQ(site.count(file), 1u) << file;
    const auto body_at = r.block.find("\r\n\r\n") + 4;
    const std::string payload = r.block.substr(body_at);
    EXPECT_TRUE(r.block.starts_with("HTTP/1.1 200 OK\r\n")) << file;
    EXPECT_EQ(payload, site.at(file)) << file;
    EXPECT_EQ(r.headers.at("WARC-Payload-Digest"), "sha1:" + base32(sha(EVP_sha1(), payload)))
        << file;
    if (file.ends_with(".html")) {
      EXPECT_NE(r.block.find("Content-Type: text/html; charset=utf-8\r\n"), std::string::npos)
          << file;
    }
    if (file.ends_with(".jpg")) {
      EXPECT_NE(r.block.find("Content-Type: image/jpeg\r\n"), std::string::npos) << file;
    }
  }
  EXPECT_EQ(seen.size(), site.size()) << "every published file is one record";
  for (const auto& [file, count] : seen) {
    EXPECT_EQ(count, 1) << file;
  }
}

TEST(WarcExport, EveryRecordIsAFileOfTheSiteWithItsDigests) {
  const auto e = export_sample("warc", "--warc", "archiv.warc.gz");
  const std::string warc = read_file(e.dir / "archiv.warc.gz");
  const auto records = read_warc(warc);
  expect_records_match_site(records, e.site);
  EXPECT_EQ(records[0].headers.at("WARC-Filename"), "archiv.warc.gz");
  EXPECT_NE(records[0].block.find("software: blogarchive "), std::string::npos);
  // The same build exports to the same bytes: record ids and dates come from the build.
  std::filesystem::create_directories(e.dir / "again");
  EXPECT_EQ(run_cli({"export", "--store", e.dir / "blog.db", "--config",
                     source_dir() / "examples/archive.toml", "--site", e.dir / "site", "--warc",
                     e.dir / "again/archiv.warc.gz"})
                .exit_code,
            0);
  EXPECT_EQ(read_file(e.dir / "again/archiv.warc.gz"), warc);
}

std::string zip_entry(zip_t* archive, const char* name, bool& stored) {
  zip_stat_t stat;
  zip_stat_init(&stat);
  EXPECT_EQ(zip_stat(archive, name, 0, &stat), 0) << name;
  stored = stat.comp_method == ZIP_CM_STORE;
  std::string bytes(stat.size, '\0');
  zip_file_t* file = zip_fopen(archive, name, 0);
  EXPECT_NE(file, nullptr) << name;
  if (file != nullptr) {
    EXPECT_EQ(zip_fread(file, bytes.data(), bytes.size()), static_cast<zip_int64_t>(bytes.size()));
    zip_fclose(file);
  }
  return bytes;
}

TEST(WaczExport, HoldsTheWarcItsIndexPagesAndDigests) {
  const auto e = export_sample("wacz", "--wacz", "archiv.wacz");
  int error = 0;
  zip_t* archive = zip_open((e.dir / "archiv.wacz").c_str(), ZIP_RDONLY, &error);
  ASSERT_NE(archive, nullptr) << error;
  bool stored = false;
  const std::string warc = zip_entry(archive, "archive/data.warc.gz", stored);
  EXPECT_TRUE(stored) << "replay reads the WARC inside by ranges: it must not be deflated";
  const auto records = read_warc(warc);
  expect_records_match_site(records, e.site);

  // Every CDXJ line points at the gzip member of its URL.
  const std::string index = zip_entry(archive, "indexes/index.cdx", stored);
  std::istringstream lines(index);
  std::size_t indexed = 0;
  std::string previous;
  for (std::string line; std::getline(lines, line); ++indexed) {
    EXPECT_LE(previous, line) << "CDXJ is sorted";
    previous = line;
    const auto field = [&](const std::string& key) {
      const auto at = line.find("\"" + key + "\":\"") + key.size() + 4;
      return line.substr(at, line.find('"', at) - at);
    };
    const std::size_t offset = std::stoul(field("offset"));
    std::size_t used = 0;
    const std::string record = inflate_member(warc, offset, used);
    EXPECT_EQ(used, std::stoul(field("length")));
    EXPECT_NE(record.find("WARC-Target-URI: " + field("url") + "\r\n"), std::string::npos) << line;
  }
  EXPECT_EQ(indexed, records.size() - 1);

  const std::string pages = zip_entry(archive, "pages/pages.jsonl", stored);
  EXPECT_TRUE(pages.starts_with("{\"format\":\"json-pages-1.0\""));
  EXPECT_NE(pages.find("\"url\":\"http://127.0.0.1:8080/2007/03/hobelbank-fertig/\""),
            std::string::npos);
  EXPECT_NE(pages.find("\"title\":\"Die Hobelbank ist fertig"), std::string::npos) << pages;

  const std::string datapackage = zip_entry(archive, "datapackage.json", stored);
  EXPECT_NE(datapackage.find("\"mainPageUrl\":\"http://127.0.0.1:8080/\""), std::string::npos);
  for (const auto& [name, bytes] :
       {std::pair{"archive/data.warc.gz", warc}, std::pair{"indexes/index.cdx", index},
        std::pair{"pages/pages.jsonl", pages}}) {
    EXPECT_NE(datapackage.find(fmt::format("\"path\":\"{}\",\"hash\":\"sha256:{}\",\"bytes\":{}}}",
                                           name, hex(sha(EVP_sha256(), bytes)), bytes.size())),
              std::string::npos)
        << name << "\n"
        << datapackage;
  }
  zip_close(archive);
}

}  // namespace
}  // namespace blogarchive::testing
