#include "blog/post.hpp"

#include <gtest/gtest.h>

namespace blogarchive::blog {

TEST(IsPublished, AcceptsOnlyPublicArticlesAndPages) {
  Post post;
  post.type = blog::ItemKind::Article;
  post.status = blog::Visibility::Published;
  EXPECT_TRUE(is_published(post));
  post.type = blog::ItemKind::Page;
  EXPECT_TRUE(is_published(post));
  for (const char* status :
       {"draft", "pending", "private", "future", "trash", "auto-draft", "inherit"}) {
    post.status = PostStatus::named(status);
    EXPECT_FALSE(is_published(post)) << status;
  }
  post.status = blog::Visibility::Published;
  post.has_password = true;
  EXPECT_FALSE(is_published(post));
  post.has_password = false;
  for (const char* type :
       {"attachment", "nav_menu_item", "revision", "customcpt", "wp_navigation"}) {
    post.type = PostType::named(type);
    EXPECT_FALSE(is_published(post)) << type;
  }
}

TEST(Kinds, KeepTheNameTheyCameWithAndWriteUnderWordPresssName) {
  EXPECT_EQ(PostType::named("post"), ItemKind::Article);
  EXPECT_EQ(PostType::named("nav_menu_item"), ItemKind::Other);
  EXPECT_EQ(PostType::named("nav_menu_item").name(), "nav_menu_item");
  EXPECT_EQ(PostStatus::named("auto-draft"), Visibility::Draft);
  EXPECT_EQ(PostStatus::named("auto-draft").name(), "auto-draft");
  EXPECT_EQ(PostStatus(Visibility::Scheduled).name(), "future");
  EXPECT_EQ(Taxonomy(TermKind::Tag).name(), "post_tag");
  EXPECT_EQ(Taxonomy::named("product_cat"), TermKind::Other);
  for (const ItemKind kind : {ItemKind::Article, ItemKind::Page, ItemKind::Attachment}) {
    EXPECT_EQ(PostType::named(std::string(name_of(kind))), kind) << name_of(kind);
  }
  for (const Visibility kind :
       {Visibility::Published, Visibility::Draft, Visibility::Pending, Visibility::Private,
        Visibility::Scheduled, Visibility::Trashed, Visibility::Inherited}) {
    EXPECT_EQ(PostStatus::named(std::string(name_of(kind))), kind) << name_of(kind);
  }
  for (const TermKind kind : {TermKind::Category, TermKind::Tag, TermKind::Format}) {
    EXPECT_EQ(Taxonomy::named(std::string(name_of(kind))), kind) << name_of(kind);
  }
}

}  // namespace blogarchive::blog
