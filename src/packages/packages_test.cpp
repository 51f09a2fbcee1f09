#include <gtest/gtest.h>

#include "packages/digests.hpp"
#include "packages/site_files.hpp"
#include "packages/wacz.hpp"

namespace blogarchive::packages {
namespace {

TEST(Digests, WriteSha1InBase32AsWarcToolsDo) {
  // The digest of an empty payload, as every WARC tool writes it.
  EXPECT_EQ(warc_sha1(""), "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ");
  // RFC 3174's "abc": a9993e364706816aba3e25717850c26c9cd0d89d in base32.
  EXPECT_EQ(warc_sha1("abc"), "sha1:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Digests, UuidsAreStableAndWellFormed) {
  const std::string id = uuid_for("https://archiv.example.org/");
  EXPECT_EQ(id, uuid_for("https://archiv.example.org/"));
  EXPECT_NE(id, uuid_for("https://archiv.example.org/x/"));
  ASSERT_EQ(id.size(), 36u);
  EXPECT_EQ(id[14], '5');
  EXPECT_NE(std::string("89ab").find(id[19]), std::string::npos);
}

TEST(Surt, ReversesTheHostAndDropsWww) {
  EXPECT_EQ(surt("https://www.Archiv.example.org/2010/01/X/"), "org,example,archiv)/2010/01/x/");
  EXPECT_EQ(surt("https://archiv.example.org/"), "org,example,archiv)/");
}

TEST(HtmlTitle, DecodesTheFirstTitle) {
  EXPECT_EQ(html_title("<head><title>Hobel &amp; Bank</title></head><title>x</title>"),
            "Hobel & Bank");
  EXPECT_EQ(html_title("<p>no title</p>"), "");
}

}  // namespace
}  // namespace blogarchive::packages
