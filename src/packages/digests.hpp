#pragma once
#include <string>
#include <string_view>

namespace blogarchive::packages {

/// "sha1:" + the SHA-1 in RFC 4648 base32: WARC's customary block and payload digests.
std::string warc_sha1(std::string_view bytes);

/// Lower-case hex SHA-256, as WACZ's datapackage.json names its resources.
std::string sha256_hex(std::string_view bytes);

/// A name-based UUID (version 5 layout, SHA-1 of `name`): the same record gets the same
/// id in every export, so two exports of one build are byte for byte the same.
std::string uuid_for(std::string_view name);

}  // namespace blogarchive::packages
