#include "site/media_files.hpp"

#include <gtest/gtest.h>

namespace blogarchive::site {
namespace {

TEST(MediaFiles, AnswerASizeTheStoreLacksWithItsOriginal) {
  EXPECT_EQ(original_of_resized("/u/2009/03/bild-300x200.jpg"), "/u/2009/03/bild.jpg");
  EXPECT_EQ(original_of_resized("/u/2020/01/foto-scaled.jpeg"), "/u/2020/01/foto.jpeg");
  EXPECT_EQ(original_of_resized("/u/2009/03/bild.jpg"), std::nullopt);
  EXPECT_EQ(original_of_resized("/u/2009/03/300x200.jpg"), std::nullopt);
  const MediaFiles media({"/u/2009/03/bild.jpg", "/u/2009/03/bild-300x200.jpg"}, "/u/");
  EXPECT_EQ(media.find("/u/2009/03/bild-300x200.jpg"), "/u/2009/03/bild-300x200.jpg");
  EXPECT_EQ(media.find("/u/2009/03/bild-1024x768.jpg"), "/u/2009/03/bild.jpg");
  EXPECT_EQ(media.find("/u/2009/03/anderes.jpg"), std::nullopt);
  EXPECT_TRUE(media.in_media_folder("/u/2009/03/anderes.jpg"));
  EXPECT_FALSE(media.in_media_folder("/2009/03/post/"));
}

TEST(MediaFiles, KnowWhatAServerWouldRun) {
  for (const char* script : {"/u/shell.php", "/u/x.PHP5", "/u/a.phtml", "/u/b.php.jpg", "/u/c.cgi",
                             "/u/d.shtml", "/u/.htaccess", "/u/e.asp", "/u/f.phar"}) {
    EXPECT_TRUE(is_server_script(script)) << script;
  }
  for (const char* file :
       {"/u/bild.jpg", "/u/anleitung.pdf", "/u/phpbuch.jpg", "/u/lied.mp3", "/u/plan.svg"}) {
    EXPECT_FALSE(is_server_script(file)) << file;
  }
}

}  // namespace
}  // namespace blogarchive::site
