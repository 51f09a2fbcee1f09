<?php
// Prints, as JSON, what WordPress's own 'the_content' filters make of every published
// post's and page's stored content: the oracle blogarchive's content pipeline is
// compared with. The whole body: <!--nextpage--> parts are joined as the archive shows them.
//   php the-content.php  (environment: see wp-config.php)
require getenv('BLOGARCHIVE_WP_ROOT') . '/wp-load.php';
// What themes of the archive's era declared (Twenty Thirteen onwards): captions and
// galleries as <figure>/<figcaption>.
add_theme_support('html5', ['caption', 'gallery']);
$rendered = [];
$posts = get_posts(['post_type' => ['post', 'page'], 'post_status' => 'publish', 'numberposts' => -1,
                    'orderby' => 'ID', 'order' => 'ASC', 'has_password' => false]);
foreach ($posts as $post) {
    $GLOBALS['post'] = $post;
    setup_postdata($post);
    $content = str_replace('<!--nextpage-->', "\n\n", $post->post_content);
    $rendered[$post->ID] = apply_filters('the_content', $content);
}
echo json_encode($rendered, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_PRETTY_PRINT), "\n";
