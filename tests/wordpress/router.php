<?php
// The router of `php -S` for the test WordPress: files are served as they are, every
// other address goes to WordPress's index.php, as Apache's rewrite rules would send it.
// Before that, the faults a test asked for: BLOGARCHIVE_WP_FAULTS names a JSON file of
// rules, each {"match": [substrings of the request URI], "times": N, and what to do:
// "status" (with "retry_after", "location", "body"), or "kill": the server dies here}.
// Every request is appended to that file's ".log" so that tests can count them.
$faults_file = getenv('BLOGARCHIVE_WP_FAULTS');
$uri = $_SERVER['REQUEST_URI'];
if ($faults_file) {
    file_put_contents($faults_file . '.log', $uri . "\n", FILE_APPEND);
}
if ($faults_file && is_file($faults_file)) {
    $rules = json_decode(file_get_contents($faults_file), true) ?: [];
    foreach ($rules as $i => $rule) {
        $matches = array_reduce($rule['match'], fn($all, $part) => $all && str_contains($uri, $part), true);
        if (!$matches || ($rule['times'] ?? 0) <= 0) {
            continue;
        }
        $rules[$i]['times'] = $rule['times'] - 1;
        file_put_contents($faults_file, json_encode($rules));
        if (!empty($rule['kill'])) {
            posix_kill(getmypid(), SIGKILL);
        }
        http_response_code($rule['status'] ?? 500);
        if (isset($rule['retry_after'])) {
            header('Retry-After: ' . $rule['retry_after']);
        }
        if (isset($rule['location'])) {
            header('Location: ' . $rule['location']);
        }
        header('Content-Type: application/json; charset=UTF-8');
        echo isset($rule['repeat']) ? str_repeat($rule['body'], $rule['repeat']) : ($rule['body'] ?? '');
        return true;
    }
}
$file = $_SERVER['DOCUMENT_ROOT'] . parse_url($uri, PHP_URL_PATH);
if (is_file($file)) {
    return false;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $_SERVER['DOCUMENT_ROOT'] . '/index.php';
chdir($_SERVER['DOCUMENT_ROOT']);
require 'index.php';
