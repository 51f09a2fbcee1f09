#include "blog/post.hpp"

#include <gtest/gtest.h>

namespace blogarchive::blog {

TEST(IsPublished, AcceptsOnlyPublicArticlesAndPages) {
  Post post;
  post.type = "post";
  post.status = "publish";
  EXPECT_TRUE(is_published(post));
  post.type = "page";
  EXPECT_TRUE(is_published(post));
  for (const char* status :
       {"draft", "pending", "private", "future", "trash", "auto-draft", "inherit"}) {
    post.status = status;
    EXPECT_FALSE(is_published(post)) << status;
  }
  post.status = "publish";
  post.has_password = true;
  EXPECT_FALSE(is_published(post));
  post.has_password = false;
  for (const char* type :
       {"attachment", "nav_menu_item", "revision", "customcpt", "wp_navigation"}) {
    post.type = type;
    EXPECT_FALSE(is_published(post)) << type;
  }
}

}  // namespace blogarchive::blog
