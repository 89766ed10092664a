<?xml version="1.0" encoding="UTF-8"?>
<!--
  site.xsl - the criteria website: one HTML5 file per <page> of the site
  document that vcsc builds (compiler/site_xml.c describes it).

  C decides which pages exist and where every link points; these
  templates decide how the pages look. Every href in the data is relative
  to the site root (href, home, dir, target) or to the version's language
  folder (file), and is written out prefixed with the page's @root or
  @vroot, so all links stay relative.

  Files: site.xsl (entry, keys, redirects, sitemap, the level colours),
  layout.xsl (the page shell: header, menus, banners, contents, footer,
  shared fragments), pages.xsl (the main content of each page type),
  changes.xsl (the change log of the catalogue diff), strings.xml (the
  words of the interface in every language).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common"
    extension-element-prefixes="exsl"
    exclude-result-prefixes="exsl">

  <xsl:include href="layout.xsl"/>
  <xsl:include href="pages.xsl"/>
  <xsl:include href="changes.xsl"/>
  <xsl:include href="cert.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="site catalogue version chapter section question requirement standard cite pages page downloads audit-objective level language"/>

  <xsl:key name="version" match="version" use="@key"/>
  <xsl:key name="question" match="question" use="concat(ancestor::version/@key, '|', @uid)"/>
  <xsl:key name="qnum" match="question" use="concat(ancestor::version/@key, '|', @number)"/>
  <xsl:key name="chapter" match="chapter" use="concat(ancestor::version/@key, '|', @number)"/>
  <xsl:key name="standard" match="standard" use="concat(../@key, '|', @id)"/>
  <xsl:key name="objective" match="audit-objective" use="@id"/>
  <xsl:key name="level" match="level" use="@id"/>
  <xsl:key name="str" match="s" use="@id"/>

  <!-- The output directory (a URI reference ending in '/'), set by vcsc;
       every exsl:document href starts with it. -->
  <xsl:param name="out" select="''"/>

  <xsl:variable name="site" select="/site"/>
  <xsl:variable name="strings" select="document('strings.xml')"/>
  <!-- the scheme's id, for the interface words a scheme has of its own -->
  <xsl:variable name="scheme" select="string($site/@scheme)"/>
  <!-- the level colours of the scheme, beside the files of site/ -->
  <xsl:variable name="levels-css" select="'levels.css'"/>

  <xsl:template match="/">
    <xsl:apply-templates select="site/pages/page"/>
    <xsl:if test="string(site/@sitemap) != ''">
      <xsl:call-template name="sitemap"/>
    </xsl:if>
    <xsl:if test="site/level[@colour]">
      <xsl:call-template name="level-styles"/>
    </xsl:if>
  </xsl:template>

  <!-- assets/levels.css: the marker of each level the scheme gives a
       colour (#rrggbb, checked by vcsc): its label filled with the
       colour, lettered in its ink (black or white, whichever stands out
       more, chosen by vcsc); its texts ruled and tinted with it. Levels
       without a colour keep the looks of style.css (must and should; a
       grey marker for any other). The pages link it after style.css
       only when it exists. -->
  <xsl:template name="level-styles">
    <exsl:document href="{$out}assets/{$levels-css}" method="text" encoding="UTF-8">
      <xsl:text>/* The colours of the requirement levels, from the scheme; written by vcsc site. */&#10;</xsl:text>
      <xsl:for-each select="$site/level[@colour]">
        <xsl:variable name="c" select="translate(@colour, 'ABCDEF', 'abcdef')"/>
        <xsl:value-of select="concat('.level-tag.level-', @id, ' { background: ', $c, '; color: ', @ink, '; border: 1.5px solid ', $c, '; }&#10;')"/>
        <xsl:value-of select="concat('.stmt.stmt-', @id, ' { border-left: 4px solid ', $c, '; background: var(--surface); background: color-mix(in srgb, ', $c, ' 10%, var(--bg)); }&#10;')"/>
        <xsl:value-of select="concat('@media print { .stmt.stmt-', @id, ' { background: none; } .level-tag.level-', @id, ' { print-color-adjust: exact; -webkit-print-color-adjust: exact; } }&#10;')"/>
      </xsl:for-each>
    </exsl:document>
  </xsl:template>

  <!-- A content page. -->
  <xsl:template match="page">
    <exsl:document href="{$out}{@path}" method="html" encoding="UTF-8"
        indent="no" doctype-system="about:legacy-compat">
      <xsl:call-template name="shell"/>
    </exsl:document>
  </xsl:template>

  <!-- A redirect: meta refresh plus a visible link, for readers and
       crawlers alike. -->
  <xsl:template match="page[@type='redirect']">
    <xsl:variable name="to" select="concat(@root, @target)"/>
    <xsl:variable name="lang" select="@lang"/>
    <exsl:document href="{$out}{@path}" method="html" encoding="UTF-8"
        indent="no" doctype-system="about:legacy-compat">
      <html lang="{$lang}">
        <head>
          <meta name="viewport" content="width=device-width, initial-scale=1"/>
          <meta http-equiv="refresh" content="0; url={$to}"/>
          <meta name="robots" content="noindex"/>
          <link rel="canonical" href="{$to}"/>
          <title>
            <xsl:call-template name="t"><xsl:with-param name="k" select="'redirect-title'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template>
          </title>
          <link rel="stylesheet" href="{@root}assets/style.css"/>
        </head>
        <body class="page-redirect">
          <main id="main" class="redirect">
            <p>
              <xsl:call-template name="t"><xsl:with-param name="k" select="'redirect-text'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template>
              <xsl:text> </xsl:text>
              <a href="{$to}"><xsl:value-of select="@target"/></a>
            </p>
          </main>
        </body>
      </html>
    </exsl:document>
  </xsl:template>

  <!-- sitemap.xml: absolute addresses, so only with a base URL. -->
  <xsl:template name="sitemap">
    <xsl:variable name="base" select="$site/@base-url"/>
    <exsl:document href="{$out}{$site/@sitemap}" method="xml" encoding="UTF-8" indent="yes">
      <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <xsl:for-each select="$site/pages/page[@type != 'redirect' and @type != 'notfound']">
          <url xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <loc><xsl:value-of select="concat($base, '/', @path)"/></loc>
          </url>
        </xsl:for-each>
      </urlset>
    </exsl:document>
  </xsl:template>

  <!-- An interface string in a language (English when missing): the
       scheme's own (<s scheme="ID">) where strings.xml has one. -->
  <xsl:template name="t">
    <xsl:param name="k"/>
    <xsl:param name="lang"/>
    <xsl:for-each select="$strings">
      <xsl:variable name="all" select="key('str', $k)"/>
      <xsl:variable name="s" select="$all[@scheme = $scheme] | $all[not(@scheme)][not($all[@scheme = $scheme])]"/>
      <xsl:choose>
        <xsl:when test="$s/@*[name() = $lang]"><xsl:value-of select="$s/@*[name() = $lang]"/></xsl:when>
        <xsl:when test="$s"><xsl:value-of select="$s/@en"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$k"/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!-- An interface string with {1} and {2} replaced. -->
  <xsl:template name="f">
    <xsl:param name="k"/>
    <xsl:param name="lang"/>
    <xsl:param name="a1" select="''"/>
    <xsl:param name="a2" select="''"/>
    <xsl:variable name="s">
      <xsl:call-template name="t"><xsl:with-param name="k" select="$k"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="s1">
      <xsl:choose>
        <xsl:when test="contains($s, '{1}')"><xsl:value-of select="concat(substring-before($s, '{1}'), $a1, substring-after($s, '{1}'))"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="contains($s1, '{2}')"><xsl:value-of select="concat(substring-before($s1, '{2}'), $a2, substring-after($s1, '{2}'))"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$s1"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
