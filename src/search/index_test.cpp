// The index end to end in memory: built from documents, written as files and read
// back, and queried as `blogarchive search` and the browser query it.
#include "search/index.hpp"

#include <gtest/gtest.h>

#include <map>

#include "search/index_files.hpp"
#include "search/query.hpp"

namespace blogarchive::search {
namespace {

// `reversed`: the documents arrive last first, as threads may hand them over.
SearchIndex german_index(int jobs = 1, std::size_t partition_cells = IndexBuilder::kPartitionCells,
                         bool reversed = false) {
  const Analyzer analyzer(Language::German);
  IndexBuilder builder(Language::German, {}, partition_cells);
  const std::vector<SearchDocument> documents{
      {"/2010/01/werkstattblog/", "Das Werkstattblog ist eröffnet", "05.01.2010", "Allgemein",
       "Hier schreibe ich über Hobelbänke, Sägen und die Werkstatt im Keller."},
      {"/2010/02/blog/", "Warum ein Blog?", "01.02.2010", "Allgemein",
       "Ein Blog ist ein Tagebuch im Netz. Herr Müller fragte, wozu."},
      {"/2010/03/strassenbahn/", "Mit der Straßenbahn zum Holzhändler", "03.03.2010", "Ausflüge",
       "Die Straßenbahn fährt bis vor die Tür. Ein Brett passt hinein, eine Bahn Furnier auch."},
      {"/2010/04/hobel/", "Der Hobel", "04.04.2010", "Werkzeug",
       "Ein scharfer Hobel macht die Arbeit leicht. Mueller sagt: Hobeln ist Meditation."},
  };
  for (std::uint32_t n = 0; n < documents.size(); ++n) {
    const auto i = reversed ? static_cast<std::uint32_t>(documents.size()) - 1 - n : n;
    builder.add(i, documents[i], analyzer);
  }
  return builder.finish(jobs);
}

std::vector<std::string> urls(const SearchIndex& index, const SearchResults& results) {
  std::vector<std::string> out;
  for (const auto& hit : results.hits) {
    out.push_back(index.document(hit.doc).url);
  }
  return out;
}

std::vector<std::string> search(const SearchIndex& index, std::string_view query,
                                bool prefix = false) {
  const Analyzer analyzer(index.language);
  return urls(index, run_query(index, analyzer, query, {prefix, 10}));
}

}  // namespace

TEST(SearchIndex, FindsCompoundsByTheirParts) {
  const auto index = german_index();
  // "Blog" finds the Werkstattblog, but the article about blogs ranks first.
  EXPECT_EQ(search(index, "Blog"),
            (std::vector<std::string>{"/2010/02/blog/", "/2010/01/werkstattblog/"}));
  // "Bahn" finds the Straßenbahn article (which also has the word).
  EXPECT_EQ(search(index, "Bahn"), std::vector<std::string>{"/2010/03/strassenbahn/"});
  EXPECT_EQ(search(index, "Werkstatt"), std::vector<std::string>{"/2010/01/werkstattblog/"});
}

TEST(SearchIndex, UmlautSpellingsAndInflectionsMatch) {
  const auto index = german_index();
  // Both documents, the shorter one first (BM25's length normalization).
  const std::vector<std::string> both{"/2010/04/hobel/", "/2010/02/blog/"};
  EXPECT_EQ(search(index, "Müller"), both);
  EXPECT_EQ(search(index, "Mueller"), both);
  EXPECT_EQ(search(index, "muller"), both);
  EXPECT_EQ(search(index, "Strassenbahnen"), std::vector<std::string>{"/2010/03/strassenbahn/"});
}

TEST(SearchIndex, AllWordsMustMatchElsePartialResults) {
  const auto index = german_index();
  EXPECT_EQ(search(index, "Hobel Meditation"), std::vector<std::string>{"/2010/04/hobel/"});
  const Analyzer analyzer(Language::German);
  const auto partial = run_query(index, analyzer, "Hobel Tagebuch", {});
  EXPECT_TRUE(partial.partial);
  EXPECT_EQ(partial.total, 2u);
  EXPECT_TRUE(search(index, "die und der").empty());  // stop words only
}

TEST(SearchIndex, PhrasesAreCheckedOnTheText) {
  const auto index = german_index();
  EXPECT_EQ(search(index, "\"Tür Ein Brett\""), std::vector<std::string>{"/2010/03/strassenbahn/"});
  EXPECT_TRUE(search(index, "\"Brett Tür\"").empty());
  EXPECT_EQ(search(index, "„bis vor die Tür“"), std::vector<std::string>{"/2010/03/strassenbahn/"});
}

TEST(SearchIndex, TheLastWordMayBeUnfinished) {
  const auto index = german_index();
  EXPECT_TRUE(search(index, "Holzh").empty());
  EXPECT_EQ(search(index, "Holzh", true), std::vector<std::string>{"/2010/03/strassenbahn/"});
  EXPECT_EQ(search(index, "Werkstattbl", true),
            std::vector<std::string>{"/2010/01/werkstattblog/"});
  // A finished word (a space after it) is not a prefix.
  EXPECT_TRUE(search(index, "Holzh ", true).empty());
}

TEST(SearchIndex, FilesReadBackToTheSameIndex) {
  const auto index = german_index();
  const auto files = index_files(index, 64);  // tiny shards: many files
  std::size_t shards = 0;
  for (const auto& file : files) {
    shards += file.path.starts_with("search/t/") ? 1 : 0;
  }
  EXPECT_GT(shards, 3u);
  const auto back = read_index_files(files);
  EXPECT_EQ(back.terms, index.terms);
  ASSERT_EQ(back.postings.size(), index.postings.size());
  for (std::size_t t = 0; t < index.terms.size(); ++t) {
    ASSERT_EQ(back.postings[t].size(), index.postings[t].size()) << index.terms[t];
    for (std::size_t p = 0; p < index.postings[t].size(); ++p) {
      EXPECT_EQ(back.postings[t][p].doc, index.postings[t][p].doc);
      EXPECT_EQ(back.postings[t][p].impact, index.postings[t][p].impact);
    }
  }
  ASSERT_EQ(back.packed_documents.size(), index.packed_documents.size());
  EXPECT_EQ(back.document(2).title, "Mit der Straßenbahn zum Holzhändler");
  EXPECT_EQ(back.document(2).url, "/2010/03/strassenbahn/");
  // Every indexed term finds its documents through the files as well.
  const Analyzer analyzer(Language::German);
  for (std::size_t t = 0; t < index.terms.size(); ++t) {
    const auto* postings = back.find(index.terms[t]);
    ASSERT_NE(postings, nullptr) << index.terms[t];
    EXPECT_EQ(postings->size(), index.postings[t].size());
  }
}

TEST(SearchIndex, IsTheSameFileForFileWhateverTheJobs) {
  const auto one = index_files(german_index(1), 64);
  for (const int jobs : {2, 3, 7}) {
    const auto many = index_files(german_index(jobs), 64);
    ASSERT_EQ(many.size(), one.size()) << jobs;
    for (std::size_t i = 0; i < one.size(); ++i) {
      EXPECT_EQ(many[i].path, one[i].path) << jobs;
      EXPECT_EQ(many[i].bytes, one[i].bytes) << one[i].path << " with " << jobs << " jobs";
    }
  }
}

// The build writes the document store before the postings are merged, to keep it out
// of the merge's peak memory: the files must be those of writing it last.
TEST(SearchIndex, WritingTheStoreFirstGivesTheSameFiles) {
  const auto index = german_index();
  std::map<std::string, std::string> early;
  std::vector<std::string> order;
  IndexFileWriter writer(
      index.language, index.packed_documents.size(),
      [&](IndexFile file) {
        order.push_back(file.path);
        early.emplace(std::move(file.path), std::move(file.bytes));
      },
      64);
  for (const auto& packed : index.packed_documents) {
    writer.add_document(packed);
  }
  writer.finish_documents();
  ASSERT_EQ(order.size(), 2u);
  EXPECT_TRUE(order[0].starts_with("search/docs-") && order[0].ends_with(".bin")) << order[0];
  EXPECT_TRUE(order[1].starts_with("search/docs-") && order[1].ends_with(".idx")) << order[1];
  for (std::size_t t = 0; t < index.terms.size(); ++t) {
    writer.add(index.terms[t], index.postings[t]);
  }
  writer.finish(index.stems);
  EXPECT_EQ(order.back(), "search/manifest.json");
  std::map<std::string, std::string> last;
  for (auto& file : index_files(index, 64)) {
    last.emplace(std::move(file.path), std::move(file.bytes));
  }
  EXPECT_EQ(order.size(), last.size()) << "a file was written twice";
  EXPECT_EQ(early, last);
}

// Scoring a few terms at a time (down to one) must give what scoring all at once does,
// also for compounds whose parts fall into another range than they do.
TEST(SearchIndex, IsTheSameFileForFileWhateverThePartitionsAndArrivalOrder) {
  const auto whole = index_files(german_index(), 64);
  for (const std::size_t cells : {std::size_t{1}, std::size_t{3}, std::size_t{17}}) {
    for (const bool reversed : {false, true}) {
      const auto parts = index_files(german_index(2, cells, reversed), 64);
      ASSERT_EQ(parts.size(), whole.size()) << cells;
      for (std::size_t i = 0; i < whole.size(); ++i) {
        EXPECT_EQ(parts[i].bytes, whole[i].bytes)
            << whole[i].path << " with ranges of " << cells << " cells, reversed " << reversed;
      }
    }
  }
  // The compound really is found through a part scored in another range.
  const auto one_by_one = german_index(1, 1);
  EXPECT_EQ(search(one_by_one, "Bahn"), std::vector<std::string>{"/2010/03/strassenbahn/"});
  EXPECT_EQ(search(one_by_one, "Blog"),
            (std::vector<std::string>{"/2010/02/blog/", "/2010/01/werkstattblog/"}));
}

TEST(SearchIndex, SnippetsMarkTheMatchingWords) {
  const auto index = german_index();
  const Analyzer analyzer(Language::German);
  EXPECT_EQ(snippet(analyzer, "straßenbahnen tür", index.document(2).text, "[", "]", 8),
            "Die [Straßenbahn] fährt bis vor die [Tür]. Ein …");
}

}  // namespace blogarchive::search

namespace blogarchive::search {
namespace {

TEST(AnalysedDocument, CountsTermsPerFieldAndSurvivesTheCacheEncoding) {
  const Analyzer analyzer(Language::French);
  const SearchDocument document{"/2007/04/photos/", "Sauvegarder ses photos", "14 avril 2007",
                                "Informatique",
                                "Les photos partent sur le disque. Photo après photo."};
  const AnalysedDocument analysed = analyse_document(document, analyzer, true);
  EXPECT_EQ(analysed.lengths.title, 2);  // "ses" is a stop word
  const std::string photos = analyzer.stem("photos");
  const auto photo = std::find_if(analysed.counts.begin(), analysed.counts.end(),
                                  [&](const auto& count) { return count.first == photos; });
  ASSERT_NE(photo, analysed.counts.end());
  EXPECT_EQ(photo->second, (FieldCounts{1, 0, 1}));  // "photo" is a term of its own
  EXPECT_NE(std::find(analysed.words.begin(), analysed.words.end(),
                      std::pair<std::string, std::string>("photos", photos)),
            analysed.words.end());
  EXPECT_EQ(decode_analysed(encode_analysed(analysed)), analysed);
  EXPECT_EQ(unpack_document(analysed.packed).title, "Sauvegarder ses photos");

  const std::string bytes = encode_analysed(analysed);
  EXPECT_FALSE(decode_analysed(bytes.substr(0, bytes.size() - 1)));
  EXPECT_FALSE(decode_analysed("not a record"));
}

TEST(AnalysedDocument, TheDigestChangesWithEveryFieldAndTheLanguage) {
  const SearchDocument base{"/a/", "Titel", "05.01.2010", "Allgemein", "Text"};
  const std::uint64_t digest = document_digest(base, Language::German);
  EXPECT_EQ(document_digest(base, Language::German), digest);
  EXPECT_NE(document_digest(base, Language::English), digest);
  for (std::string SearchDocument::*field :
       {&SearchDocument::url, &SearchDocument::title, &SearchDocument::date, &SearchDocument::terms,
        &SearchDocument::text}) {
    SearchDocument changed = base;
    changed.*field += "x";
    EXPECT_NE(document_digest(changed, Language::German), digest);
  }
}

}  // namespace
}  // namespace blogarchive::search
