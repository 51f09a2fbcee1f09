<?php
// Seeds the test WordPress from a WXR export, through WordPress's own functions
// (wp_insert_post, wp_insert_comment, wp_set_object_terms, …) so that the database holds
// what WordPress itself would write. Written for blogarchive's tests; it reads the
// export with PHP's DOM and keeps every item's id, dates, status, terms and comments.
//   php seed.php EXPORT.xml  (environment: see wp-config.php)
require getenv('BLOGARCHIVE_WP_ROOT') . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/post.php';
require_once ABSPATH . 'wp-admin/includes/user.php';
wp_set_current_user(1);
kses_remove_filters();  // an administrator's posts keep their HTML, as on the old blog

const WP_NS = 'http://wordpress.org/export/';

function child_text(DOMElement $parent, string $prefix, string $name): string {
    foreach ($parent->childNodes as $node) {
        if ($node instanceof DOMElement && $node->localName === $name &&
            ($prefix === '' ? $node->namespaceURI === null : $node->prefix === $prefix)) {
            return $node->textContent;
        }
    }
    return '';
}

function children(DOMElement $parent, string $prefix, string $name): array {
    $found = [];
    foreach ($parent->childNodes as $node) {
        if ($node instanceof DOMElement && $node->localName === $name && $node->prefix === $prefix) {
            $found[] = $node;
        }
    }
    return $found;
}

function no_zero_date(string $date): string {
    return str_starts_with($date, '0000-00-00') ? '' : $date;
}

$document = new DOMDocument();
if (!$document->load($argv[1], LIBXML_NONET | LIBXML_PARSEHUGE)) {
    fwrite(STDERR, "seed.php: cannot read {$argv[1]}\n");
    exit(1);
}
$channel = $document->getElementsByTagName('channel')->item(0);

$user_ids = [];  // the export's author ids → this WordPress's, for comments by a user
foreach (children($channel, 'wp', 'author') as $author) {
    $login = child_text($author, 'wp', 'author_login');
    if (!username_exists($login)) {
        wp_insert_user(['user_login' => $login, 'user_pass' => wp_generate_password(),
                        'user_email' => sanitize_user($login, true) . '@authors.test',
                        'display_name' => child_text($author, 'wp', 'author_display_name'), 'role' => 'author']);
    }
    $user_ids[(int) child_text($author, 'wp', 'author_id')] = username_exists($login);
}
foreach (['category' => ['category', 'category_nicename', 'cat_name', 'category_parent'],
          'tag' => ['post_tag', 'tag_slug', 'tag_name', ''],
          'term' => ['', 'term_slug', 'term_name', 'term_parent']] as $element => [$taxonomy, $slug, $name, $parent]) {
    foreach (children($channel, 'wp', $element) as $term) {
        $tax = $taxonomy ?: child_text($term, 'wp', 'term_taxonomy');
        if (!taxonomy_exists($tax)) {
            continue;
        }
        $args = ['slug' => child_text($term, 'wp', $slug)];
        if ($parent !== '' && ($parent_slug = child_text($term, 'wp', $parent)) !== '') {
            $parent_term = get_term_by('slug', $parent_slug, $tax);
            $args['parent'] = $parent_term ? $parent_term->term_id : 0;
        }
        $description = child_text($term, 'wp', $element === 'category' ? 'category_description' : 'term_description');
        if ($description !== '') {
            $args['description'] = $description;
        }
        if (!term_exists($args['slug'], $tax)) {
            wp_insert_term(child_text($term, 'wp', $name) ?: $args['slug'], $tax, $args);
        }
    }
}

$items = 0;
$comments = 0;
foreach (children($channel, '', 'item') as $item) {
    $type = child_text($item, 'wp', 'post_type');
    if ($type === 'nav_menu_item' || $type === '') {
        continue;
    }
    $id = (int) child_text($item, 'wp', 'post_id');
    $author = get_user_by('login', child_text($item, 'dc', 'creator'));
    $post = [
        'import_id' => $id, 'post_type' => $type, 'post_status' => child_text($item, 'wp', 'status'),
        'post_title' => child_text($item, '', 'title'), 'post_name' => urldecode(child_text($item, 'wp', 'post_name')),
        'post_content' => child_text($item, 'content', 'encoded'), 'post_excerpt' => child_text($item, 'excerpt', 'encoded'),
        'post_date' => no_zero_date(child_text($item, 'wp', 'post_date')),
        'post_date_gmt' => no_zero_date(child_text($item, 'wp', 'post_date_gmt')),
        'post_parent' => (int) child_text($item, 'wp', 'post_parent'), 'menu_order' => (int) child_text($item, 'wp', 'menu_order'),
        'post_password' => child_text($item, 'wp', 'post_password'),
        'comment_status' => child_text($item, 'wp', 'comment_status') ?: 'open',
        'ping_status' => child_text($item, 'wp', 'ping_status') ?: 'open',
        'guid' => child_text($item, '', 'guid'), 'post_author' => $author ? $author->ID : 1,
    ];
    if ($type === 'attachment') {
        $url = child_text($item, 'wp', 'attachment_url');
        $post['guid'] = $url;
        $post['post_mime_type'] = wp_check_filetype(basename(parse_url($url, PHP_URL_PATH) ?? ''))['type'] ?: 'image/jpeg';
        $new = wp_insert_attachment($post, false, $post['post_parent'], true);
        if (!is_wp_error($new) && ($at = strpos($url, '/uploads/')) !== false) {
            update_post_meta($new, '_wp_attached_file', substr($url, $at + strlen('/uploads/')));
        }
        // The blog's site icon, as the Customizer saves a cropped one.
        foreach (children($item, 'wp', 'postmeta') as $meta) {
            if (!is_wp_error($new) && child_text($meta, 'wp', 'meta_key') === '_wp_attachment_context' &&
                child_text($meta, 'wp', 'meta_value') === 'site-icon') {
                update_post_meta($new, '_wp_attachment_context', 'site-icon');
                update_option('site_icon', $new);
            }
        }
    } else {
        $new = wp_insert_post(wp_slash($post), true);
    }
    if (is_wp_error($new)) {
        fwrite(STDERR, "seed.php: item $id: " . $new->get_error_message() . "\n");
        continue;
    }
    ++$items;
    if (child_text($item, 'wp', 'is_sticky') === '1') {
        stick_post($new);
    }
    $terms = [];
    foreach (children($item, '', 'category') as $category) {
        $terms[$category->getAttribute('domain')][] = $category->getAttribute('nicename');
    }
    foreach ($terms as $taxonomy => $slugs) {
        if (taxonomy_exists($taxonomy)) {
            wp_set_object_terms($new, $slugs, $taxonomy);
        }
    }
    $new_comment_ids = [];
    foreach (children($item, 'wp', 'comment') as $comment) {
        $old = (int) child_text($comment, 'wp', 'comment_id');
        $parent = (int) child_text($comment, 'wp', 'comment_parent');
        $new_comment_ids[$old] = wp_insert_comment(wp_slash([
            'comment_post_ID' => $new, 'comment_author' => child_text($comment, 'wp', 'comment_author'),
            'comment_author_email' => child_text($comment, 'wp', 'comment_author_email'),
            'comment_author_url' => child_text($comment, 'wp', 'comment_author_url'),
            'comment_author_IP' => child_text($comment, 'wp', 'comment_author_IP'),
            'comment_date' => child_text($comment, 'wp', 'comment_date'),
            'comment_date_gmt' => child_text($comment, 'wp', 'comment_date_gmt'),
            'comment_content' => child_text($comment, 'wp', 'comment_content'),
            'comment_approved' => child_text($comment, 'wp', 'comment_approved'),
            'comment_type' => child_text($comment, 'wp', 'comment_type') ?: 'comment',
            'comment_parent' => $new_comment_ids[$parent] ?? 0,
            'user_id' => $user_ids[(int) child_text($comment, 'wp', 'comment_user_id')] ?? 0,
        ]));
        ++$comments;
    }
}
echo "seeded $items items, $comments comments\n";
