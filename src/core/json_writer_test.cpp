#include "core/json_writer.hpp"

#include <gtest/gtest.h>

namespace blogarchive::core {
namespace {

TEST(JsonWriter, PutsCommasAndEscapesWhereJsonNeedsThem) {
  JsonWriter json;
  json.begin_object()
      .member("title", "Die \"Hobelbank\" </script>")
      .key("count")
      .value(3)
      .key("empty")
      .begin_array()
      .end_array()
      .key("shards")
      .begin_array();
  for (const char* term : {"a", "b"}) {
    json.begin_array().value(term).value(std::uint64_t{7}).end_array();
  }
  json.end_array().key("ok").value(true).key("weight").number_text("0.25").end_object();
  EXPECT_EQ(json.take(),
            "{\"title\":\"Die \\\"Hobelbank\\\" \\u003c/script\\u003e\",\"count\":3,\"empty\":[],"
            "\"shards\":[[\"a\",7],[\"b\",7]],\"ok\":true,\"weight\":0.25}");
}

TEST(JsonWriter, WritesALoneValueAndNestedObjects) {
  EXPECT_EQ(JsonWriter().value("x").take(), "\"x\"");
  JsonWriter json;
  json.begin_array()
      .begin_object()
      .member("a", "1")
      .end_object()
      .begin_object()
      .end_object()
      .end_array();
  EXPECT_EQ(json.take(), "[{\"a\":\"1\"},{}]");
}

}  // namespace
}  // namespace blogarchive::core
