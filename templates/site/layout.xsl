<?xml version="1.0" encoding="UTF-8"?>
<!--
  layout.xsl - the page shell shared by every page: head, header with the
  version and language menus, banners for drafts and outdated versions,
  the contents of the version, the footer; and fragments used on several
  page types (badges, prose, requirements, references).

  Hooks for the next round (search, objective filter): #search in the
  header is where the search box goes; #objective-filter marks the pages
  that list requirements; every question and requirement carries
  data-uid and data-objectives (ids separated by spaces), and so does a
  requirement's text (and its level label) where its level applies to
  fewer objectives than the requirement; <body> carries
  data-root (prefix to the site root), data-vroot (prefix to the version's
  language folder), data-version and data-lang.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- ================= the shell ================= -->

  <xsl:template name="shell">
    <xsl:variable name="p" select="."/>
    <xsl:variable name="lang" select="@lang"/>
    <xsl:variable name="v" select="key('version', @version)"/>
    <html lang="{$lang}">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="{$site/@generator}"/>
        <title>
          <xsl:apply-templates select="." mode="title"/>
          <xsl:text> · </xsl:text>
          <xsl:choose>
            <xsl:when test="$v">
              <xsl:value-of select="concat(translate($v/../@id, 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), ' ', $v/@id)"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="t"><xsl:with-param name="k" select="'site-name'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </title>
        <xsl:if test="@type = 'notfound' and string($site/@base-url) != ''">
          <base href="{$site/@base-url}/"/>
        </xsl:if>
        <link rel="stylesheet" href="{@root}assets/style.css"/>
        <xsl:if test="$site/level[@colour]">
          <link rel="stylesheet" href="{@root}assets/{$levels-css}"/>
        </xsl:if>
        <link rel="icon" href="{@root}assets/favicon.svg" type="image/svg+xml"/>
        <xsl:for-each select="alt">
          <link rel="alternate" hreflang="{@lang}" href="{$p/@root}{@href}"/>
        </xsl:for-each>
        <xsl:if test="$v/@outdated = 'true' or $v/@draft = 'true'">
          <meta name="robots" content="noindex"/>
        </xsl:if>
        <script src="{@root}assets/filter.js" defer="defer"></script>
        <script src="{@root}assets/search.js" defer="defer"></script>
        <xsl:if test="@type = 'verify'">
          <script src="{@root}assets/verify.js" defer="defer"></script>
        </xsl:if>
      </head>
      <body class="page-{@type}" data-root="{@root}" data-lang="{$lang}">
        <xsl:if test="$v">
          <xsl:attribute name="data-vroot"><xsl:value-of select="@vroot"/></xsl:attribute>
          <xsl:attribute name="data-version"><xsl:value-of select="@version"/></xsl:attribute>
          <xsl:if test="$v/@draft = 'true'"><xsl:attribute name="data-draft">true</xsl:attribute></xsl:if>
        </xsl:if>
        <a class="skip-link" href="#main">
          <xsl:call-template name="t"><xsl:with-param name="k" select="'skip'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template>
        </a>
        <header class="site-header">
          <div class="header-inner">
            <a class="brand">
              <xsl:attribute name="href">
                <xsl:value-of select="concat(@root, $site/language[@id = $lang]/@home)"/>
                <xsl:if test="not($site/language[@id = $lang])"><xsl:value-of select="'index.html'"/></xsl:if>
              </xsl:attribute>
              <svg class="logo" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">
                <path d="M16 2 4 7v8c0 7.4 5.1 13.3 12 15 6.9-1.7 12-7.6 12-15V7z" fill="currentColor" opacity=".18"/>
                <path d="M16 2 4 7v8c0 7.4 5.1 13.3 12 15 6.9-1.7 12-7.6 12-15V7zm0 2.2 10 4.2V15c0 6.3-4.2 11.4-10 12.9C10.2 26.4 6 21.3 6 15V8.4z" fill="currentColor"/>
                <path d="m11 16 3.5 3.5L21.5 12" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round"/>
              </svg>
              <span class="brand-text">
                <xsl:call-template name="t"><xsl:with-param name="k" select="'site-name'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template>
              </span>
            </a>
            <xsl:call-template name="search-slot"/>
            <nav class="menus">
              <xsl:attribute name="aria-label">
                <xsl:call-template name="t"><xsl:with-param name="k" select="'menus'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template>
              </xsl:attribute>
              <xsl:if test="$v"><xsl:call-template name="version-menu"/></xsl:if>
              <xsl:call-template name="language-menu"/>
            </nav>
          </div>
        </header>
        <xsl:if test="$v/@draft = 'true' or $v/@outdated = 'true'">
          <!-- a named region, so that the notice sits in a landmark -->
          <section class="banners">
            <xsl:attribute name="aria-label"><xsl:call-template name="t"><xsl:with-param name="k" select="'version-notice'"/><xsl:with-param name="lang" select="@lang"/></xsl:call-template></xsl:attribute>
            <xsl:call-template name="banners"/>
          </section>
        </xsl:if>
        <div class="layout">
          <xsl:if test="not($v)"><xsl:attribute name="class">layout layout-wide</xsl:attribute></xsl:if>
          <main id="main" tabindex="-1">
            <xsl:apply-templates select="." mode="main"/>
          </main>
          <xsl:if test="$v"><xsl:call-template name="toc"/></xsl:if>
        </div>
        <footer class="site-footer">
          <div class="footer-inner">
            <xsl:if test="$v">
              <p>
                <xsl:value-of select="$v/title[@lang = $lang]"/>
                <xsl:text>, </xsl:text>
                <xsl:call-template name="f"><xsl:with-param name="k" select="'version-n'"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="a1" select="$v/@id"/></xsl:call-template>
                <xsl:if test="string($v/@licence) != ''">
                  <xsl:text>. </xsl:text>
                  <xsl:call-template name="f"><xsl:with-param name="k" select="'licence-n'"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="a1" select="$v/@licence"/></xsl:call-template>
                </xsl:if>
                <xsl:text>.</xsl:text>
              </p>
            </xsl:if>
            <p>
              <xsl:call-template name="f"><xsl:with-param name="k" select="'built-by'"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="a1" select="$site/@generator"/></xsl:call-template>
              <xsl:if test="$v">
                <xsl:text> · </xsl:text>
                <a href="{@vroot}downloads.html"><xsl:call-template name="t"><xsl:with-param name="k" select="'downloads'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></a>
              </xsl:if>
            </p>
          </div>
        </footer>
      </body>
    </html>
  </xsl:template>

  <!-- ================= search ================= -->

  <!-- The slot assets/search.js fills: where the index of the shown
       version and language is (on pages outside a version: the front
       version of the first catalogue, in the page's language if it has
       it) and the words of the interface. Empty without JavaScript. -->
  <xsl:template name="search-slot">
    <xsl:variable name="p" select="."/>
    <xsl:variable name="lang" select="@lang"/>
    <xsl:variable name="pv" select="key('version', @version)"/>
    <xsl:variable name="cat" select="$site/catalogue[1]"/>
    <xsl:variable name="v" select="$pv | $cat/version[not($pv)][@latest = 'true'] | $cat/version[not($pv)][last()][not(../version[@latest = 'true'])]"/>
    <xsl:variable name="vl" select="($v/language[@id = $lang] | $v/language[not($v/language[@id = $lang])][1])[1]"/>
    <div id="search" class="search-slot">
      <xsl:if test="$vl/@search">
        <xsl:attribute name="data-index"><xsl:value-of select="concat(@root, $vl/@search)"/></xsl:attribute>
        <xsl:attribute name="data-base"><xsl:value-of select="concat(@root, $vl/@dir)"/></xsl:attribute>
        <xsl:attribute name="data-lang"><xsl:value-of select="$vl/@id"/></xsl:attribute>
        <xsl:attribute name="data-label"><xsl:call-template name="t"><xsl:with-param name="k" select="'search-label'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></xsl:attribute>
        <xsl:attribute name="data-placeholder"><xsl:call-template name="f"><xsl:with-param name="k" select="'search-placeholder'"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="a1" select="$v/@id"/></xsl:call-template></xsl:attribute>
        <xsl:attribute name="data-results-label"><xsl:call-template name="t"><xsl:with-param name="k" select="'search-results-label'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></xsl:attribute>
        <xsl:attribute name="data-help"><xsl:call-template name="t"><xsl:with-param name="k" select="'search-help'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></xsl:attribute>
        <xsl:attribute name="data-n-results"><xsl:call-template name="t"><xsl:with-param name="k" select="'search-n-results'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></xsl:attribute>
        <xsl:attribute name="data-one-result"><xsl:call-template name="t"><xsl:with-param name="k" select="'search-one-result'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></xsl:attribute>
        <xsl:attribute name="data-no-results"><xsl:call-template name="t"><xsl:with-param name="k" select="'search-no-results'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></xsl:attribute>
        <xsl:attribute name="data-more"><xsl:call-template name="t"><xsl:with-param name="k" select="'search-more'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></xsl:attribute>
        <xsl:attribute name="data-loading"><xsl:call-template name="t"><xsl:with-param name="k" select="'search-loading'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></xsl:attribute>
        <xsl:attribute name="data-failed"><xsl:call-template name="t"><xsl:with-param name="k" select="'search-failed'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></xsl:attribute>
        <xsl:attribute name="data-withdrawn"><xsl:call-template name="t"><xsl:with-param name="k" select="'withdrawn'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></xsl:attribute>
        <xsl:attribute name="data-field-q"><xsl:call-template name="t"><xsl:with-param name="k" select="'question'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></xsl:attribute>
        <xsl:attribute name="data-field-o"><xsl:call-template name="t"><xsl:with-param name="k" select="'objective'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></xsl:attribute>
        <xsl:attribute name="data-field-i"><xsl:call-template name="t"><xsl:with-param name="k" select="'further'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></xsl:attribute>
        <xsl:attribute name="data-field-e"><xsl:call-template name="t"><xsl:with-param name="k" select="'evidence'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></xsl:attribute>
        <xsl:attribute name="data-field-c"><xsl:call-template name="t"><xsl:with-param name="k" select="'change-note'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></xsl:attribute>
        <xsl:attribute name="data-field-x"><xsl:call-template name="t"><xsl:with-param name="k" select="'references'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></xsl:attribute>
      </xsl:if>
    </div>
  </xsl:template>

  <!-- ================= objective filter ================= -->

  <!-- The slot assets/filter.js turns into the objective filter on the
       chapter, objective and all-requirements pages: hidden, so that
       without JavaScript nothing shows (the per-objective pages serve
       those readers). current: the objective of an objective page. -->
  <xsl:template name="filter-slot">
    <xsl:param name="p"/>
    <xsl:param name="current" select="''"/>
    <xsl:param name="what" select="'filter-shown-questions'"/>
    <xsl:variable name="lang" select="$p/@lang"/>
    <div id="objective-filter" class="filter-slot" hidden="hidden" data-all-href="{$p/@vroot}requirements.html">
      <xsl:if test="$current != ''"><xsl:attribute name="data-objective"><xsl:value-of select="$current"/></xsl:attribute></xsl:if>
      <xsl:attribute name="data-legend"><xsl:call-template name="t"><xsl:with-param name="k" select="'filter-legend'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></xsl:attribute>
      <xsl:attribute name="data-all"><xsl:call-template name="t"><xsl:with-param name="k" select="'filter-all'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></xsl:attribute>
      <xsl:attribute name="data-shown"><xsl:call-template name="t"><xsl:with-param name="k" select="$what"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></xsl:attribute>
      <xsl:for-each select="$site/audit-objective">
        <span data-objective="{@id}" data-href="{$p/@vroot}{@file}"><xsl:value-of select="title[@lang = $lang]"/></span>
      </xsl:for-each>
    </div>
  </xsl:template>

  <!-- ================= menus ================= -->

  <!-- Version menu: every version of the catalogue, newest first, each
       pointing at this page's counterpart (same question by uid). -->
  <xsl:template name="version-menu">
    <xsl:variable name="p" select="."/>
    <xsl:variable name="lang" select="@lang"/>
    <details class="menu version-menu">
      <summary>
        <span class="menu-label"><xsl:call-template name="t"><xsl:with-param name="k" select="'version'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></span>
        <xsl:text> </xsl:text>
        <span class="menu-value"><xsl:value-of select="other[@current]/@version"/></span>
      </summary>
      <ul class="menu-list">
        <xsl:for-each select="other">
          <xsl:sort select="key('version', @key)/@order" data-type="number" order="descending"/>
          <li data-version="{@version}" data-state="{@state}">
            <a href="{$p/@root}{@href}" hreflang="{@lang}">
              <xsl:if test="@current"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
              <span class="menu-version"><xsl:value-of select="@version"/></span>
              <xsl:text> </xsl:text>
              <xsl:if test="@latest"><span class="tag tag-latest"><xsl:call-template name="t"><xsl:with-param name="k" select="'latest'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></span></xsl:if>
              <xsl:if test="@draft"><xsl:text> </xsl:text><span class="tag tag-draft"><xsl:call-template name="t"><xsl:with-param name="k" select="'draft'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></span></xsl:if>
              <xsl:call-template name="state-note"><xsl:with-param name="o" select="."/><xsl:with-param name="lang" select="$lang"/></xsl:call-template>
            </a>
            <xsl:call-template name="successors-note"><xsl:with-param name="p" select="$p"/><xsl:with-param name="o" select="."/><xsl:with-param name="class" select="'menu-successors'"/></xsl:call-template>
          </li>
        </xsl:for-each>
      </ul>
    </details>
  </xsl:template>

  <!-- Where this page went in another version, as a short note. -->
  <xsl:template name="state-note">
    <xsl:param name="o"/>
    <xsl:param name="lang"/>
    <xsl:variable name="k">
      <xsl:choose>
        <xsl:when test="$o/@state = 'renumbered'">state-renumbered</xsl:when>
        <xsl:when test="$o/@state = 'moved'">state-moved</xsl:when>
        <xsl:when test="$o/@state = 'moved-section'">state-moved-section</xsl:when>
        <xsl:when test="$o/@state = 'withdrawn'">state-withdrawn</xsl:when>
        <xsl:when test="$o/@state = 'live'">state-live</xsl:when>
        <xsl:when test="$o/@state = 'absent'">
          <xsl:choose>
            <xsl:when test="key('version', $o/@key)/@order &lt; key('version', $o/../@version)/@order">state-not-yet</xsl:when>
            <xsl:otherwise>state-gone</xsl:otherwise>
          </xsl:choose>
        </xsl:when>
      </xsl:choose>
    </xsl:variable>
    <xsl:if test="string($k) != ''">
      <xsl:text> </xsl:text>
      <span class="state state-{$o/@state}">
        <xsl:call-template name="f"><xsl:with-param name="k" select="$k"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="a1" select="$o/@number"/></xsl:call-template>
      </span>
    </xsl:if>
    <xsl:if test="$o/@lang != $lang">
      <xsl:text> </xsl:text>
      <span class="state state-lang" lang="{$o/@lang}">
        <xsl:value-of select="concat('(', $site/language[@id = $o/@lang]/@name, ')')"/>
      </span>
    </xsl:if>
  </xsl:template>

  <!-- Where a question withdrawn in another version continues there:
       "continues in 3.1, 3.2 and 3.3", each number a link. -->
  <xsl:template name="successors-note">
    <xsl:param name="p"/>
    <xsl:param name="o"/>
    <xsl:param name="class" select="'state-successors'"/>
    <xsl:param name="lead" select="' '"/>
    <xsl:if test="$o/successor">
      <xsl:value-of select="$lead"/>
      <span class="state {$class}">
        <xsl:call-template name="t"><xsl:with-param name="k" select="'state-continues'"/><xsl:with-param name="lang" select="$p/@lang"/></xsl:call-template>
        <xsl:for-each select="$o/successor">
          <xsl:call-template name="list-sep"><xsl:with-param name="lang" select="$p/@lang"/></xsl:call-template>
          <a href="{$p/@root}{@href}" hreflang="{$o/@lang}"><xsl:value-of select="@number"/></a>
        </xsl:for-each>
      </span>
    </xsl:if>
  </xsl:template>

  <!-- What goes before an item of a list in running text, inside an
       xsl:for-each over the items: a space before the first, the
       language's "and" before the last, else a comma. -->
  <xsl:template name="list-sep">
    <xsl:param name="lang"/>
    <xsl:choose>
      <xsl:when test="position() = 1"><xsl:text> </xsl:text></xsl:when>
      <xsl:when test="position() = last()">
        <xsl:text> </xsl:text>
        <xsl:call-template name="t"><xsl:with-param name="k" select="'and'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template>
        <xsl:text> </xsl:text>
      </xsl:when>
      <xsl:otherwise><xsl:text>, </xsl:text></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Language menu: this page in every language of its version; site
       languages the version lacks are shown, not linked. -->
  <xsl:template name="language-menu">
    <xsl:variable name="p" select="."/>
    <xsl:variable name="lang" select="@lang"/>
    <xsl:if test="count($site/language) &gt; 1">
      <ul class="languages">
        <xsl:for-each select="$site/language">
          <xsl:variable name="id" select="@id"/>
          <xsl:variable name="alt" select="$p/alt[@lang = $id]"/>
          <li>
            <xsl:choose>
              <xsl:when test="$alt">
                <a href="{$p/@root}{$alt/@href}" hreflang="{$id}" lang="{$id}">
                  <xsl:if test="$alt/@current"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
                  <xsl:value-of select="@name"/>
                </a>
              </xsl:when>
              <xsl:otherwise>
                <span class="unavailable" lang="{$id}">
                  <xsl:attribute name="title">
                    <xsl:call-template name="t"><xsl:with-param name="k" select="'lang-unavailable'"/><xsl:with-param name="lang" select="$id"/></xsl:call-template>
                  </xsl:attribute>
                  <xsl:value-of select="@name"/>
                </span>
              </xsl:otherwise>
            </xsl:choose>
          </li>
        </xsl:for-each>
      </ul>
    </xsl:if>
  </xsl:template>

  <!-- ================= banners ================= -->

  <xsl:template name="banners">
    <xsl:variable name="p" select="."/>
    <xsl:variable name="lang" select="@lang"/>
    <xsl:variable name="v" select="key('version', @version)"/>
    <xsl:if test="$v/@draft = 'true'">
      <div class="banner banner-draft" role="note">
        <strong><xsl:call-template name="t"><xsl:with-param name="k" select="'draft'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></strong>
        <xsl:text> </xsl:text>
        <xsl:call-template name="f"><xsl:with-param name="k" select="'draft-text'"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="a1" select="$v/@id"/></xsl:call-template>
        <xsl:for-each select="other[@latest]">
          <xsl:text> </xsl:text>
          <a href="{$p/@root}{@href}"><xsl:call-template name="f"><xsl:with-param name="k" select="'go-latest'"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="a1" select="@version"/></xsl:call-template></a>
        </xsl:for-each>
      </div>
    </xsl:if>
    <xsl:if test="$v/@outdated = 'true'">
      <xsl:for-each select="other[@latest]">
        <div class="banner banner-outdated" role="note">
          <xsl:call-template name="f"><xsl:with-param name="k" select="'outdated-text'"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="a1" select="$v/@id"/><xsl:with-param name="a2" select="@version"/></xsl:call-template>
          <xsl:text> </xsl:text>
          <a href="{$p/@root}{@href}"><xsl:call-template name="f"><xsl:with-param name="k" select="'go-latest'"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="a1" select="@version"/></xsl:call-template></a>
          <xsl:text> </xsl:text>
          <xsl:call-template name="state-note"><xsl:with-param name="o" select="."/><xsl:with-param name="lang" select="$lang"/></xsl:call-template>
          <xsl:call-template name="successors-note"><xsl:with-param name="p" select="$p"/><xsl:with-param name="o" select="."/><xsl:with-param name="lead" select="', '"/></xsl:call-template>
        </div>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- ================= contents ================= -->

  <xsl:template name="toc">
    <xsl:variable name="p" select="."/>
    <xsl:variable name="lang" select="@lang"/>
    <xsl:variable name="v" select="key('version', @version)"/>
    <nav id="toc" class="toc">
      <xsl:attribute name="aria-label"><xsl:call-template name="t"><xsl:with-param name="k" select="'contents'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></xsl:attribute>
      <h2 class="toc-title"><xsl:call-template name="t"><xsl:with-param name="k" select="'contents'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></h2>
      <ul class="toc-pages">
        <li><xsl:call-template name="toc-link"><xsl:with-param name="p" select="$p"/><xsl:with-param name="file" select="'index.html'"/><xsl:with-param name="k" select="'overview'"/></xsl:call-template></li>
        <li><xsl:call-template name="toc-link"><xsl:with-param name="p" select="$p"/><xsl:with-param name="file" select="'requirements.html'"/><xsl:with-param name="k" select="'all-requirements'"/></xsl:call-template></li>
      </ul>
      <!-- A catalogue of ordinary size lists every question; a very large
           one lists only the questions of the current chapter, so that a
           page does not grow with the whole catalogue. -->
      <xsl:variable name="list-all" select="count($v/chapter/question | $v/chapter/section/question) &lt;= 150"/>
      <xsl:variable name="current-chapter">
        <xsl:choose>
          <xsl:when test="$p/@type = 'chapter'"><xsl:value-of select="$p/@ref"/></xsl:when>
          <xsl:when test="$p/@type = 'question'"><xsl:value-of select="substring-before($p/@ref, '.')"/></xsl:when>
        </xsl:choose>
      </xsl:variable>
      <ol class="toc-chapters">
        <xsl:for-each select="$v/chapter">
          <li>
            <a href="{$p/@vroot}{@file}">
              <xsl:if test="$p/@type = 'chapter' and $p/@ref = @number"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
              <span class="num"><xsl:value-of select="@number"/></span>
              <xsl:text> </xsl:text>
              <xsl:value-of select="title[@lang = $lang]"/>
            </a>
            <xsl:if test="$list-all or string(@number) = $current-chapter">
            <ol>
              <xsl:for-each select="question">
                <xsl:call-template name="toc-question"><xsl:with-param name="p" select="$p"/></xsl:call-template>
              </xsl:for-each>
              <!-- sections: a part of the chapter's page, their questions below -->
              <xsl:for-each select="section">
                <li class="toc-section">
                  <a href="{$p/@vroot}{@file}#{@anchor}">
                    <span class="num"><xsl:value-of select="@number"/></span>
                    <xsl:text> </xsl:text>
                    <xsl:value-of select="title[@lang = $lang]"/>
                  </a>
                  <ol>
                    <xsl:for-each select="question">
                      <xsl:call-template name="toc-question"><xsl:with-param name="p" select="$p"/></xsl:call-template>
                    </xsl:for-each>
                  </ol>
                </li>
              </xsl:for-each>
            </ol>
            </xsl:if>
          </li>
        </xsl:for-each>
      </ol>
      <h3 class="toc-sub"><xsl:call-template name="t"><xsl:with-param name="k" select="'audit-objectives'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></h3>
      <ul class="toc-pages">
        <xsl:for-each select="$site/audit-objective">
          <li>
            <a href="{$p/@vroot}{@file}">
              <xsl:if test="$p/@type = 'objective' and $p/@ref = @id"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
              <xsl:value-of select="title[@lang = $lang]"/>
            </a>
          </li>
        </xsl:for-each>
      </ul>
      <xsl:if test="$v/standard">
        <h3 class="toc-sub"><xsl:call-template name="t"><xsl:with-param name="k" select="'references'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></h3>
        <ul class="toc-pages">
          <xsl:for-each select="$v/standard">
            <li>
              <a href="{$p/@vroot}{@file}">
                <xsl:if test="$p/@type = 'standard' and $p/@ref = @id"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
                <xsl:value-of select="@title"/>
              </a>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:if>
      <ul class="toc-pages toc-end">
        <xsl:for-each select="$v/changelog[@file]">
          <li><a href="{$p/@vroot}{@file}">
            <xsl:if test="$p/@type = 'changes' and $p/@ref = @from"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
            <xsl:call-template name="f"><xsl:with-param name="k" select="'changes-since'"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="a1" select="@from"/></xsl:call-template>
          </a></li>
        </xsl:for-each>
        <li><xsl:call-template name="toc-link"><xsl:with-param name="p" select="$p"/><xsl:with-param name="file" select="'downloads.html'"/><xsl:with-param name="k" select="'downloads'"/></xsl:call-template></li>
      </ul>
    </nav>
  </xsl:template>

  <!-- A question in the contents (the context node). -->
  <xsl:template name="toc-question">
    <xsl:param name="p"/>
    <li>
      <xsl:if test="@withdrawn = 'true'"><xsl:attribute name="class">withdrawn</xsl:attribute></xsl:if>
      <a href="{$p/@vroot}{@file}">
        <xsl:if test="$p/@type = 'question' and $p/@ref = @number"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
        <span class="num"><xsl:value-of select="@number"/></span>
        <xsl:text> </xsl:text>
        <xsl:value-of select="title[@lang = $p/@lang]"/>
      </a>
    </li>
  </xsl:template>

  <xsl:template name="toc-link">
    <xsl:param name="p"/>
    <xsl:param name="file"/>
    <xsl:param name="k"/>
    <a href="{$p/@vroot}{$file}">
      <xsl:if test="substring-after($p/@path, concat($p/@version, '/', $p/@lang, '/')) = $file"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
      <xsl:call-template name="t"><xsl:with-param name="k" select="$k"/><xsl:with-param name="lang" select="$p/@lang"/></xsl:call-template>
    </a>
  </xsl:template>

  <!-- ================= shared fragments ================= -->

  <!-- Breadcrumbs: version overview, then the given chapter and section
       (its place on the chapter's page). -->
  <xsl:template name="crumbs">
    <xsl:param name="p"/>
    <xsl:param name="chapter" select="/.."/>
    <xsl:param name="section" select="/.."/>
    <xsl:variable name="v" select="key('version', $p/@version)"/>
    <nav class="crumbs">
      <xsl:attribute name="aria-label"><xsl:call-template name="t"><xsl:with-param name="k" select="'crumbs'"/><xsl:with-param name="lang" select="$p/@lang"/></xsl:call-template></xsl:attribute>
      <a href="{$p/@vroot}index.html">
        <xsl:value-of select="concat(translate($v/../@id, 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), ' ', $v/@id)"/>
      </a>
      <xsl:if test="$chapter">
        <span class="sep" aria-hidden="true"> › </span>
        <a href="{$p/@vroot}{$chapter/@file}">
          <xsl:value-of select="concat($chapter/@number, ' ', $chapter/title[@lang = $p/@lang])"/>
        </a>
      </xsl:if>
      <xsl:if test="$section">
        <span class="sep" aria-hidden="true"> › </span>
        <a href="{$p/@vroot}{$section/@file}#{$section/@anchor}">
          <xsl:value-of select="concat($section/@number, ' ', $section/title[@lang = $p/@lang])"/>
        </a>
      </xsl:if>
    </nav>
  </xsl:template>

  <!-- Markdown prose of one language, as XHTML built by vcsc. -->
  <xsl:template name="prose">
    <xsl:param name="f"/>
    <xsl:param name="class" select="''"/>
    <xsl:if test="$f">
      <div class="prose {$class}">
        <xsl:if test="$f/@text-lang"><xsl:attribute name="lang"><xsl:value-of select="$f/@text-lang"/></xsl:attribute></xsl:if>
        <xsl:copy-of select="$f/node()"/>
      </div>
    </xsl:if>
  </xsl:template>

  <!-- Audit objective badges for a space-separated list of ids. -->
  <xsl:template name="badges">
    <xsl:param name="p"/>
    <xsl:param name="ids"/>
    <xsl:param name="class" select="''"/>
    <ul class="badges {$class}">
      <xsl:for-each select="$site/audit-objective[contains(concat(' ', $ids, ' '), concat(' ', @id, ' '))]">
        <li><a class="badge obj-{@id}" href="{$p/@vroot}{@file}"><xsl:value-of select="title[@lang = $p/@lang]"/></a></li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <!-- References as links into the reference pages, grouped by standard. -->
  <xsl:template name="refs">
    <xsl:param name="p"/>
    <xsl:param name="refs"/>
    <xsl:if test="$refs">
      <ul class="refs">
        <xsl:for-each select="$refs">
          <xsl:if test="not(preceding-sibling::ref[@standard = current()/@standard])">
            <xsl:variable name="std" select="@standard"/>
            <li>
              <span class="ref-std"><xsl:value-of select="@title"/></span>
              <xsl:text> </xsl:text>
              <xsl:for-each select="../ref[@standard = $std]">
                <a class="ref" href="{$p/@vroot}{@href}"><xsl:value-of select="@id"/></a>
                <xsl:if test="position() != last()"><xsl:text>, </xsl:text></xsl:if>
              </xsl:for-each>
            </li>
          </xsl:if>
        </xsl:for-each>
      </ul>
    </xsl:if>
  </xsl:template>

  <!-- The label of a requirement level: its title in the level's colour
       (class level-ID; see level-styles in site.xsl), its description
       on hover. t: the requirement text it labels, whose objectives it
       then carries where they are its requirement's only in part. -->
  <xsl:template name="level-tag">
    <xsl:param name="level"/>
    <xsl:param name="lang"/>
    <xsl:param name="t" select="/.."/>
    <span class="level-tag level-{$level}">
      <xsl:call-template name="text-objectives"><xsl:with-param name="t" select="$t"/></xsl:call-template>
      <xsl:attribute name="title"><xsl:value-of select="normalize-space(key('level', $level)/description[@lang = $lang])"/></xsl:attribute>
      <xsl:value-of select="key('level', $level)/title[@lang = $lang]"/>
    </span>
  </xsl:template>

  <!-- data-objectives for a requirement's text t whose level applies to
       fewer objectives than its requirement does, so that the objective
       filter hides the text alone; nothing otherwise (the requirement
       carries them). -->
  <xsl:template name="text-objectives">
    <xsl:param name="t"/>
    <xsl:if test="$t and $t/@objectives != $t/../@objectives">
      <xsl:attribute name="data-objectives"><xsl:value-of select="$t/@objectives"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- One text of a requirement, marked by its level. tag: with the
       level's label (the requirements table). -->
  <xsl:template name="statement">
    <xsl:param name="p"/>
    <xsl:param name="t"/>
    <xsl:param name="tag" select="false()"/>
    <div class="stmt stmt-{$t/@level}">
      <xsl:call-template name="text-objectives"><xsl:with-param name="t" select="$t"/></xsl:call-template>
      <xsl:if test="$tag">
        <xsl:call-template name="level-tag"><xsl:with-param name="level" select="$t/@level"/><xsl:with-param name="lang" select="$p/@lang"/></xsl:call-template>
      </xsl:if>
      <xsl:if test="$t/@objectives != $t/../@objectives and string($t/@objectives) != ''">
        <div class="narrowed">
          <span class="narrowed-label"><xsl:call-template name="t"><xsl:with-param name="k" select="'applies-only'"/><xsl:with-param name="lang" select="$p/@lang"/></xsl:call-template></span>
          <xsl:text> </xsl:text>
          <xsl:call-template name="badges"><xsl:with-param name="p" select="$p"/><xsl:with-param name="ids" select="$t/@objectives"/><xsl:with-param name="class" select="'badges-inline'"/></xsl:call-template>
        </div>
      </xsl:if>
      <xsl:call-template name="prose"><xsl:with-param name="f" select="$t"/></xsl:call-template>
    </div>
  </xsl:template>

  <!-- One requirement with its texts, one per level it uses. full: with
       references and change note (question page); otherwise compact
       (lists). objective: on an objective page, only the texts that
       apply to it. -->
  <xsl:template name="requirement">
    <xsl:param name="p"/>
    <xsl:param name="r"/>
    <xsl:param name="full" select="true()"/>
    <xsl:param name="heading" select="'h3'"/>
    <xsl:param name="objective" select="''"/>
    <xsl:variable name="lang" select="$p/@lang"/>
    <xsl:variable name="texts" select="$r/text[@lang = $lang][$objective = '' or contains(concat(' ', @objectives, ' '), concat(' ', $objective, ' '))]"/>
    <div class="req" id="{$r/@anchor}" data-uid="{$r/@uid}" data-objectives="{$r/@objectives}" data-levels="{$r/@levels}">
      <xsl:element name="{$heading}">
        <xsl:attribute name="class">req-head</xsl:attribute>
        <span class="req-label"><xsl:value-of select="$r/@label"/></span>
        <xsl:for-each select="$texts">
          <xsl:text> </xsl:text>
          <xsl:call-template name="level-tag"><xsl:with-param name="level" select="@level"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="t" select="."/></xsl:call-template>
        </xsl:for-each>
      </xsl:element>
      <xsl:if test="$r/@narrowed = 'true'">
        <div class="narrowed">
          <span class="narrowed-label"><xsl:call-template name="t"><xsl:with-param name="k" select="'applies-only'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></span>
          <xsl:text> </xsl:text>
          <xsl:call-template name="badges"><xsl:with-param name="p" select="$p"/><xsl:with-param name="ids" select="$r/@objectives"/><xsl:with-param name="class" select="'badges-inline'"/></xsl:call-template>
        </div>
      </xsl:if>
      <xsl:for-each select="$texts">
        <xsl:call-template name="statement"><xsl:with-param name="p" select="$p"/><xsl:with-param name="t" select="."/></xsl:call-template>
      </xsl:for-each>
      <xsl:if test="$full">
        <xsl:call-template name="refs"><xsl:with-param name="p" select="$p"/><xsl:with-param name="refs" select="$r/ref"/></xsl:call-template>
        <xsl:if test="$r/note[@lang = $lang]">
          <div class="change-note">
            <span class="change-label"><xsl:call-template name="t"><xsl:with-param name="k" select="'changed'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></span>
            <xsl:call-template name="prose"><xsl:with-param name="f" select="$r/note[@lang = $lang]"/></xsl:call-template>
          </div>
        </xsl:if>
      </xsl:if>
    </div>
  </xsl:template>

  <!-- A link to a question: number and title. -->
  <xsl:template name="qlink">
    <xsl:param name="p"/>
    <xsl:param name="q"/>
    <xsl:param name="fragment" select="''"/>
    <a href="{$p/@vroot}{$q/@file}{$fragment}">
      <span class="num"><xsl:value-of select="$q/@number"/></span>
      <xsl:text> </xsl:text>
      <xsl:value-of select="$q/title[@lang = $p/@lang]"/>
    </a>
  </xsl:template>
</xsl:stylesheet>
