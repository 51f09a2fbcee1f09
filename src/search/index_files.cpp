#include "search/index_files.hpp"

#include <fmt/format.h>
#include <libdeflate.h>

#include <map>
#include <memory>
#include <utility>

#include "blogarchive/error.hpp"
#include "core/content_hash.hpp"
#include "core/json_writer.hpp"
#include "core/text.hpp"
#include "output/precompress.hpp"
#include "search/varint.hpp"

namespace blogarchive::search {
namespace {

constexpr int kFormatVersion = 1;

void put_u32(std::string& out, std::uint32_t value) {
  for (int i = 0; i < 4; ++i) {
    out += static_cast<char>((value >> (8 * i)) & 0xFF);
  }
}

std::string hex_hash(std::string_view bytes) {
  core::ContentHash hash;
  hash.add(bytes);
  return fmt::format("{:016x}", hash.digest());
}

std::size_t shared_prefix(std::string_view a, std::string_view b) {
  std::size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) {
    ++n;
  }
  return n;
}

void put_term(std::string& shard, const std::string& previous, const std::string& term,
              const std::vector<Posting>& postings) {
  const std::size_t shared = shared_prefix(previous, term);
  put_varint(shard, shared);
  put_varint(shard, term.size() - shared);
  shard.append(term, shared);
  put_varint(shard, postings.size());
  std::uint32_t last = 0;
  for (const auto& posting : postings) {
    put_varint(shard, posting.doc - last);
    last = posting.doc;
    shard += static_cast<char>(posting.impact);
  }
}

// ---- reading back -------------------------------------------------------------------

std::string gunzip(std::string_view bytes) {
  struct Deleter {
    void operator()(libdeflate_decompressor* d) const { libdeflate_free_decompressor(d); }
  };
  std::unique_ptr<libdeflate_decompressor, Deleter> decompressor(libdeflate_alloc_decompressor());
  std::string out(std::max<std::size_t>(bytes.size() * 8, 1024), '\0');
  for (;;) {
    std::size_t size = 0;
    const auto result = libdeflate_gzip_decompress(decompressor.get(), bytes.data(), bytes.size(),
                                                   out.data(), out.size(), &size);
    if (result == LIBDEFLATE_SUCCESS) {
      out.resize(size);
      return out;
    }
    if (result != LIBDEFLATE_INSUFFICIENT_SPACE) {
      throw InputError("search index: a file is not valid gzip");
    }
    out.resize(out.size() * 2);
  }
}

// The value of "key":"…" or "key":[…] in the manifest (which we wrote ourselves).
std::string_view json_field(std::string_view json, std::string_view key) {
  const std::string marker = "\"" + std::string(key) + "\":";
  const auto at = json.find(marker);
  if (at == std::string_view::npos) {
    throw InputError(fmt::format("search index: the manifest has no \"{}\"", key));
  }
  return json.substr(at + marker.size());
}

std::string json_text(std::string_view& json) {
  // Our own escapes only: \" \\ \n \r \t \u00XX.
  std::string out;
  std::size_t i = json.find('"') + 1;
  for (; i < json.size() && json[i] != '"'; ++i) {
    if (json[i] == '\\') {
      const char next = json[++i];
      if (next == 'u') {
        out += static_cast<char>(std::stoi(std::string(json.substr(i + 1, 4)), nullptr, 16));
        i += 4;
      } else {
        out += next == 'n' ? '\n' : next == 'r' ? '\r' : next == 't' ? '\t' : next;
      }
    } else {
      out += json[i];
    }
  }
  json.remove_prefix(i + 1);
  return out;
}

}  // namespace

IndexFileWriter::IndexFileWriter(Language language, std::size_t documents, Write write,
                                 std::size_t shard_target)
    : language_(language),
      write_(std::move(write)),
      shard_target_(shard_target),
      documents_(documents) {}

void IndexFileWriter::add(const std::string& term, const std::vector<Posting>& postings) {
  if (count_ == 0) {
    first_ = term;
  }
  put_term(shard_, previous_, term, postings);
  previous_ = term;
  ++count_;
  if (shard_.size() >= shard_target_) {
    flush_shard();
  }
}

void IndexFileWriter::flush_shard() {
  if (count_ == 0) {
    return;
  }
  std::string raw;
  put_varint(raw, count_);
  raw += shard_;
  std::string packed = output::gzip(raw);
  std::string name = "search/t/" + hex_hash(packed) + ".bin";
  shards_.emplace_back(first_, name);
  write_({std::move(name), std::move(packed)});
  shard_.clear();
  previous_.clear();
  count_ = 0;
}

void IndexFileWriter::add_document(std::string_view packed) {
  put_u32(table_, static_cast<std::uint32_t>(store_.size()));
  put_u32(table_, static_cast<std::uint32_t>(packed.size()));
  if (store_.size() + packed.size() > store_.capacity()) {
    // The store is one file of about 2 KB per document (100 MB at 50,000): growing it
    // by doubling would hold it up to three times over while copying. Room is made for
    // the documents still to come at the average size so far, and half again; pages
    // reserved but never written do not take memory, so the margin costs nothing.
    const std::size_t seen = table_.size() / 8;
    const std::size_t average = (store_.size() + packed.size()) / seen + 1;
    const std::size_t coming = documents_ > seen ? documents_ - seen : 0;
    store_.reserve(store_.size() + packed.size() + coming * average * 3 / 2 + 4096);
  }
  store_ += packed;
}

void IndexFileWriter::finish_documents() {
  if (!store_name_.empty()) {
    return;
  }
  std::string store = std::exchange(store_, {});
  std::string table = std::exchange(table_, {});
  store_name_ = "search/docs-" + hex_hash(store) + ".bin";
  table_name_ = "search/docs-" + hex_hash(table) + ".idx";
  document_count_ = table.size() / 8;
  write_({store_name_, std::move(store)});
  write_({table_name_, std::move(table)});
}

void IndexFileWriter::finish(const std::vector<std::pair<std::string, std::string>>& stems) {
  flush_shard();
  finish_documents();

  core::JsonWriter manifest;
  manifest.begin_object()
      .key("version")
      .value(kFormatVersion)
      .member("language", language_code(language_))
      .member("stemmer", stemmer_name(language_))
      .key("documents")
      .value(static_cast<std::uint64_t>(document_count_))
      .key("textLimit")
      .value(static_cast<std::uint64_t>(kStoredTextLimit))
      .key("stopWords")
      .begin_array();
  for (const auto& word : stop_words(language_)) {
    manifest.value(word);
  }
  manifest.end_array();
  if (!stems.empty()) {
    // "word\tstem\n" per line ("word\n" when it is its own stem), in the words' byte
    // order; one file, fetched once when the search opens (docs/formats/search-index.md).
    std::string lines;
    for (const auto& [word, stem] : stems) {
      lines += word;
      if (word != stem) {
        lines.append("\t").append(stem);
      }
      lines += '\n';
    }
    std::string stems_file = output::gzip(lines);
    std::string stems_name = "search/stems-" + hex_hash(stems_file) + ".bin";
    manifest.member("stems", std::string_view(stems_name).substr(7));
    write_({std::move(stems_name), std::move(stems_file)});
  }
  manifest.member("store", std::string_view(store_name_).substr(7))
      .member("table", std::string_view(table_name_).substr(7))
      .key("shards")
      .begin_array();
  for (const auto& [term, name] : shards_) {
    manifest.begin_array().value(term).value(std::string_view(name).substr(7)).end_array();
  }
  manifest.end_array().end_object();
  write_({"search/manifest.json", manifest.take() + "\n"});
}

std::vector<IndexFile> index_files(const SearchIndex& index, std::size_t shard_target) {
  std::vector<IndexFile> files;
  IndexFileWriter writer(
      index.language, index.packed_documents.size(),
      [&](IndexFile file) { files.push_back(std::move(file)); }, shard_target);
  for (const auto& packed : index.packed_documents) {
    writer.add_document(packed);
  }
  for (std::size_t t = 0; t < index.terms.size(); ++t) {
    writer.add(index.terms[t], index.postings[t]);
  }
  writer.finish(index.stems);
  return files;
}

StoredDocument unpack_document(std::string_view packed) {
  const std::string json = gunzip(packed);
  std::string_view u = json_field(json, "u"), t = json_field(json, "t"), d = json_field(json, "d"),
                   x = json_field(json, "x");
  return {json_text(u), json_text(t), json_text(d), json_text(x)};
}

SearchIndex read_index_files(const std::vector<IndexFile>& files) {
  std::map<std::string, std::string_view> by_path;
  for (const auto& file : files) {
    by_path[file.path] = file.bytes;
  }
  const auto file = [&](const std::string& path) {
    const auto it = by_path.find(path);
    if (it == by_path.end()) {
      throw InputError("search index: " + path + " is missing");
    }
    return it->second;
  };
  const std::string_view manifest = file("search/manifest.json");
  SearchIndex index;
  std::string_view language = json_field(manifest, "language");
  index.language = language_of(json_text(language));
  // [["first term","t/….bin"],…]]: terms are words, so "]]" ends the list.
  std::string_view shards = json_field(manifest, "shards");
  shards = shards.substr(0, shards.find("]]") + 1);
  while (shards.find('"') != std::string_view::npos) {
    json_text(shards);  // the shard's first term: the shard itself says it again
    const std::string raw = gunzip(file("search/" + json_text(shards)));
    ByteReader shard(raw);
    std::string term;
    for (std::uint64_t n = shard.varint(); n > 0; --n) {
      const auto shared = shard.varint();
      const auto suffix = shard.varint();
      term = term.substr(0, shared) + std::string(shard.take(suffix));
      std::vector<Posting> postings(shard.varint());
      std::uint32_t doc = 0;
      for (auto& posting : postings) {
        doc += static_cast<std::uint32_t>(shard.varint());
        posting = {doc, static_cast<std::uint8_t>(shard.take(1)[0])};
      }
      index.terms.push_back(term);
      index.postings.push_back(std::move(postings));
    }
    if (!shard.done()) {
      throw InputError("search index: a shard has bytes after its last term");
    }
  }
  std::string_view store_field = json_field(manifest, "store");
  std::string_view table_field = json_field(manifest, "table");
  const std::string_view store = file("search/" + json_text(store_field));
  const std::string_view table = file("search/" + json_text(table_field));
  const auto u32 = [&](std::size_t at) {
    std::uint32_t value = 0;
    for (int i = 0; i < 4; ++i) {
      value |= static_cast<std::uint32_t>(
                   static_cast<unsigned char>(table[at + static_cast<std::size_t>(i)]))
               << (8 * i);
    }
    return value;
  };
  for (std::size_t at = 0; at + 8 <= table.size(); at += 8) {
    if (static_cast<std::size_t>(u32(at)) + u32(at + 4) > store.size()) {
      throw InputError("search index: the document table points past the store");
    }
    index.packed_documents.emplace_back(store.substr(u32(at), u32(at + 4)));
  }
  return index;
}

}  // namespace blogarchive::search
