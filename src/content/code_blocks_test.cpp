// Each syntax as the plugin's documentation shows it, through the whole content
// pipeline: what a reader gets is one <pre><code class=\"language-text\"> holding exactly the code.
#include "content/code_blocks.hpp"

#include <gtest/gtest.h>

#include "content/body.hpp"

namespace blogarchive::content {
namespace {

std::string render(std::string_view raw) {
  return render_body(raw, BodyOptions{}).html;
}

std::vector<std::string> problems_of(std::string_view raw) {
  return render_body(raw, BodyOptions{}).code_problems;
}

TEST(CodeBlocks, ReadsSyntaxHighlighterSourcecodeWithLanguageAttribute) {
  EXPECT_EQ(
      render("[sourcecode language=\"css\"]\n#button {\n\tfont-weight: bold;\n}\n[/sourcecode]"),
      "<pre><code class=\"language-css\">#button {\n\tfont-weight: bold;\n}</code></pre>");
}

TEST(CodeBlocks, ReadsLanguageNamesAsShortcodes) {
  EXPECT_EQ(render("[php]$a = 1;[/php]"), "<pre><code class=\"language-php\">$a = 1;</code></pre>");
  EXPECT_EQ(render("[js]var x;[/js]"),
            "<pre><code class=\"language-javascript\">var x;</code></pre>");
  EXPECT_EQ(render("[bash]ls -l[/bash]"), "<pre><code class=\"language-bash\">ls -l</code></pre>");
}

TEST(CodeBlocks, ReadsTheJetpackAndQuotedForms) {
  // The form in the real timothyfitz export (WordPress.com, 2009).
  EXPECT_EQ(render("[sourcecode language='python']urllib.urlopen(user.webhook.url)[/sourcecode]"),
            "<pre><code class=\"language-python\">urllib.urlopen(user.webhook.url)</code></pre>");
  EXPECT_EQ(render("[code lang=\"ruby\"]puts 1[/code]"),
            "<pre><code class=\"language-ruby\">puts 1</code></pre>");
  EXPECT_EQ(render("[sourcecode=\"php\"]echo 1;[/sourcecode]"),
            "<pre><code class=\"language-php\">echo 1;</code></pre>");
}

TEST(CodeBlocks, DecodesWhatTheVisualEditorEscaped) {
  EXPECT_EQ(render("[code lang=\"c\"]<p>if (a &amp;&amp; b &lt; 3)<br />\n  x();</p>[/code]"),
            "<pre><code class=\"language-c\">if (a &amp;&amp; b &lt; 3)\n  x();</code></pre>");
}

TEST(CodeBlocks, KeepsCodeTypedRawAsWritten) {
  // Raw markup shows the author typed the code in the HTML editor: nothing is decoded,
  // nothing is parsed, no link comes of it.
  const std::string html =
      render("<pre lang=\"php\">&lt;a href=\"<?php echo $url; ?>\">x</a></pre>");
  EXPECT_EQ(html,
            "<pre><code class=\"language-php\">&amp;lt;a href=\"&lt;?php echo $url; "
            "?&gt;\"&gt;x&lt;/a&gt;</code></pre>");
  EXPECT_EQ(html.find("<a "), std::string::npos);
}

TEST(CodeBlocks, ReadsWpSyntaxPreWithLineNumbersAndEscapedFlag) {
  EXPECT_EQ(render("<pre lang=\"java\" line=\"1\">\nint i = 0;\n\nfor (;;) {}\n</pre>"),
            "<pre><code class=\"language-java\">int i = 0;\n\nfor (;;) {}</code></pre>");
  EXPECT_EQ(render("<pre lang=\"xml\" escaped=\"true\">&lt;a/&gt;</pre>"),
            "<pre><code class=\"language-xml\">&lt;a/&gt;</code></pre>");
}

TEST(CodeBlocks, LeavesPreWithAHumanLanguageAlone) {
  EXPECT_EQ(render("<pre lang=\"de\">Grüße</pre>"), "<pre lang=\"de\">Grüße</pre>");
}

TEST(CodeBlocks, ReadsCrayonTagsAndClasses) {
  EXPECT_EQ(render("<pre class=\"lang:php decode:true \">echo &quot;x&quot;;</pre>"),
            "<pre><code class=\"language-php\">echo \"x\";</code></pre>");
  EXPECT_EQ(render("[crayon lang=\"python\" title=\"Beispiel\"]print(1)[/crayon]"),
            "<figure class=\"code\"><figcaption>Beispiel</figcaption><pre><code "
            "class=\"language-python\">print(1)</code></pre></figure>");
}

TEST(CodeBlocks, ReadsSyntaxHighlighterPreBrushClass) {
  EXPECT_EQ(render("<pre class=\"brush: js; title: x\">a &amp;&amp; b</pre>"),
            "<pre><code class=\"language-javascript\">a &amp;&amp; b</code></pre>");
}

TEST(CodeBlocks, ReadsCodeColorerFlagsInAnyCase) {
  EXPECT_EQ(render("[ccnLe_php]if ($a &gt; 1) {}[/ccnLe_php]"),
            "<pre><code class=\"language-php\">if ($a &gt; 1) {}</code></pre>");
  EXPECT_EQ(render("Rufe [cci]ls -l[/cci] auf."),
            "<p>Rufe <code class=\"language-text\">ls -l</code> auf.</p>");
  EXPECT_EQ(render("[cc lang=\"bash\"]\ncd /tmp\nls\n[/cc]"),
            "<pre><code class=\"language-bash\">cd /tmp\nls</code></pre>");
  EXPECT_EQ(render("[ccb_sql]SELECT 1[/ccb_sql]"),
            "<pre><code class=\"language-sql\">SELECT 1</code></pre>");
}

TEST(CodeBlocks, MarksHighlightedLines) {
  EXPECT_EQ(
      render("[sourcecode language=\"python\" highlight=\"2\"]a = 1\nb = 2\nc = 3[/sourcecode]"),
      "<pre><code class=\"language-python\">a = 1\n<mark>b = 2</mark>\nc = 3</code></pre>");
}

TEST(CodeBlocks, NeverWrapsCodeInParagraphsOrExpandsShortcodesInIt) {
  const std::string html = render(
      "Text davor.\n\n[code]line one\n\nline two "
      "[gallery]\nhttps://www.youtube.com/watch?v=x\n[/code]\n\nDanach.");
  EXPECT_EQ(html,
            "<p>Text davor.</p>\n<pre><code class=\"language-text\">line one\n\nline two "
            "[gallery]\nhttps://www.youtube.com/watch?v=x</code></pre>\n"
            "<p>Danach.</p>");
}

TEST(CodeBlocks, KeepsClosingPreAndCdataEndInsideAShortcodeAsCode) {
  EXPECT_EQ(render("[code]</pre><script>alert(1)</script>]]>[/code]"),
            "<pre><code "
            "class=\"language-text\">&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;]]&gt;</"
            "code></pre>");
}

TEST(CodeBlocks, ReportsAnUnclosedShortcodeAndShowsItAsText) {
  const Body body = render_body("Eins\n[sourcecode language=\"php\"]echo 1;", BodyOptions{});
  EXPECT_EQ(body.html, "<p>Eins<br>\n[sourcecode language=\"php\"]echo 1;</p>");
  ASSERT_EQ(body.code_problems.size(), 1U);
  EXPECT_EQ(body.code_problems[0],
            "line 2 of the text: the code shortcode [sourcecode] has no closing [/sourcecode]; it "
            "is shown as text");
}

TEST(CodeBlocks, SaysNothingAboutTheWordCodeInBrackets) {
  EXPECT_TRUE(problems_of("Siehe [code] unten.").empty());
}

TEST(CodeBlocks, ReportsAnUnknownLanguageAndShowsPlainCode) {
  const Body body =
      render_body("[sourcecode language=\"brainfuck\"]+++.[/sourcecode]", BodyOptions{});
  EXPECT_EQ(body.html, "<pre><code>+++.</code></pre>");
  ASSERT_EQ(body.code_problems.size(), 1U);
  EXPECT_NE(body.code_problems[0].find("unknown code language \"brainfuck\""), std::string::npos);
}

TEST(CodeBlocks, ReportsNestedCodeShortcodes) {
  const Body body = render_body("[code][code]x[/code][/code]", BodyOptions{});
  EXPECT_EQ(body.html, "<pre><code class=\"language-text\">[code]x</code></pre>\n<p>[/code]</p>");
  EXPECT_EQ(body.code_problems.size(), 1U);
}

TEST(CodeBlocks, KeepsWordPressEscapedShortcodesLiteral) {
  EXPECT_EQ(render("[[code]]"), "<p>[code]</p>");
}

TEST(CodeBlocks, IgnoresPlaceholderMarksInTheInput) {
  EXPECT_EQ(render("<pre>\xEE\x80\x81"
                   "0;</pre>[code]x[/code]"),
            "<pre>0;</pre>\n<pre><code class=\"language-text\">x</code></pre>");
}

TEST(CodeBlocks, NamesLanguagesCanonically) {
  EXPECT_EQ(canonical_language("JS"), "javascript");
  EXPECT_EQ(canonical_language("java5"), "java");
  EXPECT_EQ(canonical_language("shell"), "bash");
  EXPECT_EQ(canonical_language("klingon"), "");
}

}  // namespace
}  // namespace blogarchive::content
