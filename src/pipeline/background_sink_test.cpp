#include "pipeline/background_sink.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace blogarchive::pipeline {
namespace {

// Fails on the post with id `fail_at`, like a store that hits a constraint.
class FailingSink : public blog::VectorSink {
 public:
  explicit FailingSink(std::int64_t fail_at) : fail_at_(fail_at) {}
  void post(const blog::Post& p) override {
    if (p.id == fail_at_) {
      throw std::runtime_error("disk full");
    }
    VectorSink::post(p);
  }

 private:
  std::int64_t fail_at_;
};

blog::Post post_with_id(std::int64_t id) {
  blog::Post post;
  post.id = id;
  post.title = "Artikel " + std::to_string(id);
  return post;
}

}  // namespace

TEST(BackgroundSink, DeliversEveryRecordInOrder) {
  blog::VectorSink target;
  {
    BackgroundSink sink(target);
    sink.site({"Werkstattblog", "", "", "", "", "de", "wxr 1.2"});
    sink.author({"jonas", "Jonas"});
    for (std::int64_t id = 1; id <= 1000; ++id) {
      sink.post(post_with_id(id));
    }
    sink.finish();
  }
  EXPECT_EQ(target.site_info.title, "Werkstattblog");
  ASSERT_EQ(target.authors.size(), 1u);
  ASSERT_EQ(target.posts.size(), 1000u);
  for (std::size_t i = 0; i < target.posts.size(); ++i) {
    EXPECT_EQ(target.posts[i].id, static_cast<std::int64_t>(i + 1));
  }
}

TEST(BackgroundSink, PassesTheWritersErrorBackToTheParser) {
  FailingSink target(10);
  BackgroundSink sink(target);
  EXPECT_THROW(
      {
        for (std::int64_t id = 1; id <= 100000; ++id) {
          sink.post(post_with_id(id));
        }
        sink.finish();
      },
      std::runtime_error);
  EXPECT_EQ(target.posts.size(), 9u);
}

TEST(BackgroundSink, StopsCleanlyWhenTheParserFails) {
  blog::VectorSink target;
  {
    BackgroundSink sink(target);
    sink.post(post_with_id(1));
    // No finish(): the parser threw; the destructor must not hang or crash.
  }
  EXPECT_LE(target.posts.size(), 1u);
}

}  // namespace blogarchive::pipeline
