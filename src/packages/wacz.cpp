#include "packages/wacz.hpp"

#include <fmt/format.h>
#include <zip.h>

#include <algorithm>
#include <fstream>
#include <list>

#include "blogarchive/error.hpp"
#include "core/files.hpp"
#include "core/json_writer.hpp"
#include "core/text.hpp"
#include "core/url.hpp"
#include "packages/digests.hpp"

namespace blogarchive::packages {
namespace {

constexpr const char* kWarcName = "data.warc.gz";

// "2026-11-26T05:00:00Z" → "20261126050000", the timestamp CDX lines carry.
std::string cdx_timestamp(std::string_view date) {
  std::string out;
  for (const char c : date) {
    if (c >= '0' && c <= '9') {
      out += c;
    }
  }
  return out.substr(0, 14);
}

std::string cdx_index(const std::vector<WarcRecordInfo>& records, const WarcInfo& info) {
  std::vector<std::string> lines;
  for (const auto& record : records) {
    const std::string& type = record.file->media_type;
    core::JsonWriter json;  // CDXJ: its numbers are strings
    json.begin_object()
        .member("url", record.file->url)
        .member("mime", std::string_view(type).substr(0, type.find(';')))
        .member("status", "200")
        .member("digest", record.payload_digest)
        .member("length", std::to_string(record.length))
        .member("offset", std::to_string(record.offset))
        .member("filename", kWarcName)
        .end_object();
    lines.push_back(surt(record.file->url) + " " + cdx_timestamp(info.date) + " " + json.text() +
                    "\n");
  }
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const auto& line : lines) {
    out += line;
  }
  return out;
}

std::string pages_jsonl(const std::vector<SiteFile>& files, const WarcInfo& info,
                        std::size_t& count) {
  core::JsonWriter header;
  header.begin_object().member("format", "json-pages-1.0").member("id", "pages");
  std::string out = header.member("title", "All Pages").end_object().take() + "\n";
  for (const auto& file : files) {
    if (!file.media_type.starts_with("text/html") || file.path == "/404.html") {
      continue;
    }
    core::JsonWriter page;
    page.begin_object()
        .member("id", uuid_for("page " + file.url))
        .member("url", file.url)
        .member("ts", info.date)
        .member("title", file.title)
        .end_object();
    out += page.take() + "\n";
    ++count;
  }
  return out;
}

// The zip being written; zip_close writes it beside its name and renames it into place.
class ZipWriter {
 public:
  explicit ZipWriter(const std::filesystem::path& path) : path_(path) {
    int error = 0;
    archive_ = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (archive_ == nullptr) {
      zip_error_t details;
      zip_error_init_with_code(&details, error);
      const std::string message = zip_error_strerror(&details);
      zip_error_fini(&details);
      throw OutputError(fmt::format("cannot write '{}': {}", path.string(), message));
    }
  }
  ZipWriter(const ZipWriter&) = delete;
  ZipWriter& operator=(const ZipWriter&) = delete;
  ~ZipWriter() {
    if (archive_ != nullptr) {
      zip_discard(archive_);
    }
  }

  void add_bytes(const std::string& name, std::string bytes) {
    stored_.push_back(std::move(bytes));
    const std::string& kept = stored_.back();
    add(name, zip_source_buffer(archive_, kept.data(), kept.size(), 0));
  }
  void add_file(const std::string& name, const std::filesystem::path& file) {
    add(name, zip_source_file(archive_, file.c_str(), 0, -1));
  }
  void close() {
    if (zip_close(archive_) != 0) {
      throw OutputError(
          fmt::format("cannot write '{}': {}", path_.string(), zip_strerror(archive_)));
    }
    archive_ = nullptr;
  }

 private:
  void add(const std::string& name, zip_source_t* source) {
    const zip_int64_t index =
        source ? zip_file_add(archive_, name.c_str(), source, ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0) {
      if (source) {
        zip_source_free(source);
      }
      throw OutputError(
          fmt::format("cannot add {} to '{}': {}", name, path_.string(), zip_strerror(archive_)));
    }
    // Stored: ReplayWeb.page reads the WARC inside by byte ranges.
    zip_set_file_compression(archive_, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  }

  std::filesystem::path path_;
  zip_t* archive_ = nullptr;
  std::list<std::string> stored_;  ///< buffers libzip reads at close; a list never moves them
};

}  // namespace

std::string surt(std::string_view url) {
  const core::UrlParts parts = core::split_url(url);
  std::vector<std::string_view> labels = core::split(parts.host, '.');
  std::reverse(labels.begin(), labels.end());
  if (!labels.empty() && labels.back() == "www") {
    labels.pop_back();
  }
  std::string out;
  for (const auto label : labels) {
    out += out.empty() ? "" : ",";
    out += label;
  }
  out += ")";
  out += core::to_lower_ascii(parts.path.empty() ? "/" : parts.path);
  if (!parts.query.empty()) {
    out += "?" + core::to_lower_ascii(parts.query);
  }
  return out;
}

std::size_t write_wacz(const std::vector<SiteFile>& files, const WarcInfo& info,
                       const std::string& main_page_url, const std::filesystem::path& out) {
  // The WARC goes to a file first: a large archive need not fit in memory twice.
  const std::filesystem::path warc_path = out.string() + ".warc.tmp";
  std::vector<WarcRecordInfo> records;
  {
    std::ofstream warc(warc_path, std::ios::binary | std::ios::trunc);
    records = write_warc(files, info, [&](std::string_view bytes) {
      warc.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    });
    if (!warc.flush()) {
      throw OutputError("cannot write '" + warc_path.string() + "'");
    }
  }
  struct RemoveTemporary {
    std::filesystem::path path;
    ~RemoveTemporary() {
      std::error_code ignored;
      std::filesystem::remove(path, ignored);
    }
  } remove_later{warc_path};

  std::size_t page_count = 0;
  const std::string pages = pages_jsonl(files, info, page_count);
  const std::string index = cdx_index(records, info);
  const std::string warc_digest = sha256_hex(core::read_file(warc_path).value_or(""));
  core::JsonWriter json;
  json.begin_object()
      .member("profile", "data-package")
      .member("wacz_version", "1.1.1")
      .member("title", info.title)
      .member("created", info.date)
      .member("software", info.software)
      .member("mainPageUrl", main_page_url)
      .member("mainPageDate", info.date)
      .key("resources")
      .begin_array();
  const auto resource = [&json](const char* name, const char* path, const std::string& hash,
                                std::uintmax_t bytes) {
    json.begin_object().member("name", name).member("path", path).member("hash", "sha256:" + hash);
    json.key("bytes").value(static_cast<std::uint64_t>(bytes)).end_object();
  };
  resource(kWarcName, "archive/data.warc.gz", warc_digest, std::filesystem::file_size(warc_path));
  resource("pages.jsonl", "pages/pages.jsonl", sha256_hex(pages), pages.size());
  resource("index.cdx", "indexes/index.cdx", sha256_hex(index), index.size());
  const std::string datapackage = json.end_array().end_object().take() + "\n";

  ZipWriter zip(out);
  zip.add_file("archive/data.warc.gz", warc_path);
  zip.add_bytes("indexes/index.cdx", index);
  zip.add_bytes("pages/pages.jsonl", pages);
  zip.add_bytes("datapackage.json", datapackage);
  zip.close();
  return page_count;
}

}  // namespace blogarchive::packages
