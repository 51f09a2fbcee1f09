<?php
// Writes the site's WXR export to standard output with WordPress's own export_wp(),
// what Tools → Export in the dashboard gives its owner.
//   php export.php > site.xml  (environment: see wp-config.php)
require getenv('BLOGARCHIVE_WP_ROOT') . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/export.php';
wp_set_current_user(1);
export_wp(['content' => 'all']);
