<?php
// Installs WordPress with its own wp_install() into the empty database, with pretty
// permalinks as most blogs had them.
//   php install.php  (environment: see wp-config.php)
define('WP_INSTALLING', true);
// No mail leaves a test (wp_install mails the administrator): pluggable functions
// defined first win.
function wp_mail() {
    return true;
}
require getenv('BLOGARCHIVE_WP_ROOT') . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
$result = wp_install('Werkbank', 'admin', 'admin@werkbank.test', true, '', 'not-a-real-password');
update_option('permalink_structure', getenv('BLOGARCHIVE_WP_PERMALINKS') ?: '/%year%/%monthnum%/%day%/%postname%/');
update_option('timezone_string', 'Europe/Berlin');
update_option('comment_registration', 0);
// wp_install's sample post, page, privacy page and comment would take ids the seeded
// exports use.
foreach (get_posts(['post_type' => 'any', 'post_status' => 'any', 'numberposts' => -1]) as $sample) {
    wp_delete_post($sample->ID, true);
}
flush_rewrite_rules(true);
echo "installed\n";
