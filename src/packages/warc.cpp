#include "packages/warc.hpp"

#include <fmt/format.h>

#include "blogarchive/error.hpp"
#include "core/files.hpp"
#include "output/precompress.hpp"
#include "packages/digests.hpp"

namespace blogarchive::packages {
namespace {

// Header lines end in CRLF; the block follows an empty line and two CRLFs close it.
std::string record(const std::vector<std::pair<std::string, std::string>>& headers,
                   std::string_view block) {
  std::string out = "WARC/1.1\r\n";
  for (const auto& [name, value] : headers) {
    out += fmt::format("{}: {}\r\n", name, value);
  }
  out += fmt::format("Content-Length: {}\r\n\r\n", block.size());
  out += block;
  out += "\r\n\r\n";
  return out;
}

std::string warcinfo_block(const WarcInfo& info) {
  return fmt::format(
      "software: {}\r\nformat: WARC File Format 1.1\r\n"
      "conformsTo: "
      "http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n"
      "description: {}\r\n",
      info.software, info.title);
}

}  // namespace

std::vector<WarcRecordInfo> write_warc(const std::vector<SiteFile>& files, const WarcInfo& info,
                                       const std::function<void(std::string_view)>& write) {
  std::uint64_t offset = 0;
  const auto emit = [&](const std::string& text) {
    const std::string member = output::gzip(text, 6);
    write(member);
    offset += member.size();
    return member.size();
  };
  const std::string info_id =
      fmt::format("<urn:uuid:{}>", uuid_for("warcinfo " + info.file_name + info.date));
  const std::string info_block = warcinfo_block(info);
  emit(record({{"WARC-Type", "warcinfo"},
               {"WARC-Record-ID", info_id},
               {"WARC-Date", info.date},
               {"WARC-Filename", info.file_name},
               {"Content-Type", "application/warc-fields"},
               {"WARC-Block-Digest", warc_sha1(info_block)}},
              info_block));
  std::vector<WarcRecordInfo> written;
  written.reserve(files.size());
  for (const auto& file : files) {
    const auto payload = core::read_file(file.file);
    if (!payload) {
      throw OutputError(fmt::format("cannot read '{}' for the WARC file", file.file.string()));
    }
    std::string block =
        fmt::format("HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\n\r\n",
                    file.media_type, payload->size());
    block += *payload;
    WarcRecordInfo entry{&file, offset, 0, warc_sha1(*payload)};
    entry.length = emit(
        record({{"WARC-Type", "response"},
                {"WARC-Record-ID", fmt::format("<urn:uuid:{}>", uuid_for(file.url + info.date))},
                {"WARC-Warcinfo-ID", info_id},
                {"WARC-Date", info.date},
                {"WARC-Target-URI", file.url},
                {"Content-Type", "application/http;msgtype=response"},
                {"WARC-Payload-Digest", entry.payload_digest},
                {"WARC-Block-Digest", warc_sha1(block)}},
               block));
    written.push_back(std::move(entry));
  }
  return written;
}

}  // namespace blogarchive::packages
