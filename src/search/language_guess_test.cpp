#include "search/language_guess.hpp"

#include <gtest/gtest.h>

namespace blogarchive::search {
namespace {

// A paragraph, repeated until the guesser has enough words to tell.
std::string enough(std::string_view paragraph) {
  std::string text;
  while (text.size() < 3000) {
    text += "<p>" + std::string(paragraph) + "</p>\n";
  }
  return text;
}

std::string guess_of(std::string_view paragraph) {
  LanguageGuesser guesser;
  guesser.add(enough(paragraph));
  return guesser.guess().code;
}

TEST(LanguageGuess, TellsTheLanguagesOfTheArchive) {
  EXPECT_EQ(guess_of("Am Wochenende habe ich die alte Hobelbank im Keller repariert, und sie steht "
                     "wieder fest."),
            "de");
  EXPECT_EQ(
      guess_of(
          "Over the weekend I fixed the old workbench in the cellar, and it stands firm again."),
      "en");
  EXPECT_EQ(
      guess_of(
          "Ce week-end, j'ai réparé le vieil établi de la cave et il tient de nouveau debout."),
      "fr");
  EXPECT_EQ(guess_of("Este fin de semana arreglé el viejo banco de trabajo del sótano y ya está "
                     "firme otra vez."),
            "es");
  EXPECT_EQ(guess_of("Questo fine settimana ho riparato il vecchio banco da lavoro in cantina e "
                     "ora è di nuovo stabile."),
            "it");
  EXPECT_EQ(
      guess_of(
          "Dit weekend heb ik de oude werkbank in de kelder gerepareerd en hij staat weer stevig."),
      "nl");
  EXPECT_EQ(guess_of("Neste fim de semana consertei a velha bancada da cave e ela está firme outra "
                     "vez, como era."),
            "pt");
  EXPECT_EQ(
      guess_of(
          "W weekend naprawiłem stary warsztat w piwnicy i znowu stoi pewnie, jak to było kiedyś."),
      "pl");
  EXPECT_EQ(
      guess_of(
          "I helgen lagade jag den gamla hyvelbänken i källaren och nu står den stadigt igen."),
      "sv");
  EXPECT_EQ(
      guess_of(
          "I weekenden reparerede jeg den gamle høvlebænk i kælderen, og nu står den fast igen."),
      "da");
}

TEST(LanguageGuess, TellsChineseJapaneseAndKoreanByScript) {
  EXPECT_EQ(guess_of("这个周末我修好了地下室里的旧工作台，现在它又站稳了。"), "zh");
  EXPECT_EQ(guess_of("週末に地下室の古い作業台を直したので、またしっかり立っています。"), "ja");
  EXPECT_EQ(guess_of("주말에 지하실의 오래된 작업대를 고쳐서 다시 튼튼하게 서 있습니다."), "ko");
}

TEST(LanguageGuess, SaysNothingOnTooLittleText) {
  LanguageGuesser guesser;
  guesser.add("<p>Hallo Welt</p>");
  EXPECT_EQ(guesser.guess().code, "");
}

TEST(LanguageGuess, SkipsMarkup) {
  LanguageGuesser guesser;
  guesser.add(enough(
      "<a href=\"https://the.example/and/of/the\" title=\"the and of\">Der Hobel und die Säge</a> "
      "liegen in der Werkstatt, und das ist auch gut so."));
  EXPECT_EQ(guesser.guess().code, "de");
}

}  // namespace
}  // namespace blogarchive::search
