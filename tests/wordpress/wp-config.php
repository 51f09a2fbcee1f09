<?php
// WordPress's configuration for blogarchive's tests: a private WordPress (Debian's
// package) on a private MariaDB, both started by tests/support/wordpress_site.cpp.
// Everything comes from the environment that harness sets; nothing reaches the network.
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:' . getenv('BLOGARCHIVE_WP_SOCKET'));
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
$table_prefix = getenv('BLOGARCHIVE_WP_PREFIX') ?: 'wp_';

define('WP_HOME', getenv('BLOGARCHIVE_WP_URL'));
define('WP_SITEURL', getenv('BLOGARCHIVE_WP_URL'));
define('WP_CONTENT_DIR', getenv('BLOGARCHIVE_WP_ROOT') . '/wp-content');
define('WP_HTTP_BLOCK_EXTERNAL', true);   // oEmbed and update checks must not leave the machine
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_AUTO_UPDATE_CORE', false);
define('DISABLE_WP_CRON', true);
define('WP_DEBUG', false);
foreach (['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT',
          'LOGGED_IN_SALT', 'NONCE_SALT'] as $key) {
    define($key, 'blogarchive-test-only');
}
if (!defined('ABSPATH')) {
    define('ABSPATH', getenv('BLOGARCHIVE_WP_ROOT') . '/');
}
require_once ABSPATH . 'wp-settings.php';
