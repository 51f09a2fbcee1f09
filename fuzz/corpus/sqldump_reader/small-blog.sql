-- MariaDB dump 10.19  Distrib 10.11, written by hand for blogarchive's fuzz corpus
/*!40101 SET NAMES utf8mb4 */;
DROP TABLE IF EXISTS `wp_options`;
CREATE TABLE `wp_options` (
  `option_id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `option_name` varchar(191) NOT NULL DEFAULT '',
  `option_value` longtext NOT NULL,
  PRIMARY KEY (`option_id`)
) ENGINE=InnoDB DEFAULT CHARSET=latin1;
LOCK TABLES `wp_options` WRITE;
INSERT INTO `wp_options` VALUES (1,'home','http://werkbank.example'),(2,'blogname','Werkbank'),(3,'permalink_structure','/%year%/%monthnum%/%postname%/'),(4,'sticky_posts','a:1:{i:0;i:5;}');
UNLOCK TABLES;
CREATE TABLE `wp_posts` (
  `ID` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `post_author` bigint(20) unsigned NOT NULL DEFAULT 0,
  `post_date` datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  `post_content` longtext NOT NULL,
  `post_title` text CHARACTER SET latin1 NOT NULL,
  `post_status` varchar(20) NOT NULL DEFAULT 'publish',
  `post_password` varchar(255) NOT NULL DEFAULT '',
  `post_name` varchar(200) NOT NULL DEFAULT '',
  `post_parent` bigint(20) unsigned NOT NULL DEFAULT 0,
  `post_type` varchar(20) NOT NULL DEFAULT 'post',
  PRIMARY KEY (`ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO `wp_posts` (`ID`, `post_author`, `post_date`, `post_content`, `post_title`, `post_status`, `post_password`, `post_name`, `post_parent`, `post_type`) VALUES (5,1,'2010-01-05 10:00:00','Der Keil h\'alt.\r\nZweite Zeile\\','BÃ¤ume','publish','','baeume',0,'post'),(6,1,'2010-02-01 09:00:00',_binary 'Entwurf',0x4869,'draft','','',0,'page'),(7,1,'2010-03-01 08:00:00','Seite','Kind','publish','',X'6b696e64',6,'page');
REPLACE INTO `wp_posts` VALUES (8,1,'2010-04-01 08:00:00',NULL,'Null','publish','','null',0,'post');
