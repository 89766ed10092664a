<?xml version="1.0" encoding="UTF-8"?>
<!--
  changelog.xsl - the standalone change-log page of
  `vcsc diff OLD NEW -format html -o FILE` (compiler/diff_html.c).

  It imports the website's stylesheets, so the page has the same words
  (strings.xml), fragments and change-log templates (changes.xsl) as the
  site's page changes/OLD.html, and replaces the site's entry point by a
  shell of its own: the site's stylesheet inlined from the document's
  <style> element (site/style.css), no menus, no contents, no links to
  other pages, so the file stands alone.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common"
    extension-element-prefixes="exsl"
    exclude-result-prefixes="exsl">

  <xsl:import href="site.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:template match="/">
    <xsl:apply-templates select="site/pages/page[@standalone = 'true']" mode="standalone"/>
  </xsl:template>

  <xsl:template match="page" mode="standalone">
    <xsl:variable name="p" select="."/>
    <xsl:variable name="lang" select="@lang"/>
    <xsl:variable name="v" select="key('version', @version)"/>
    <xsl:variable name="cl" select="$v/changelog[@from = current()/@ref]"/>
    <xsl:variable name="name" select="concat(translate($v/../@id, 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), ' ', $v/@id)"/>
    <exsl:document href="{$out}{@path}" method="html" encoding="UTF-8"
        indent="no" doctype-system="about:legacy-compat">
      <html lang="{$lang}">
        <head>
          <meta name="viewport" content="width=device-width, initial-scale=1"/>
          <meta name="generator" content="{$site/@generator}"/>
          <title>
            <xsl:apply-templates select="." mode="title"/>
            <xsl:text> · </xsl:text>
            <xsl:value-of select="$name"/>
          </title>
          <style><xsl:value-of select="$site/style"/></style>
        </head>
        <body class="page-changes standalone" data-lang="{$lang}">
          <header class="site-header">
            <div class="header-inner">
              <span class="brand">
                <span class="brand-text">
                  <xsl:call-template name="t"><xsl:with-param name="k" select="'site-name'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template>
                </span>
              </span>
            </div>
          </header>
          <xsl:call-template name="banners"/>
          <div class="layout layout-wide">
            <main id="main">
              <p class="crumbs"><xsl:value-of select="concat($name, ' · ', $v/title[@lang = $lang])"/></p>
              <h1><xsl:apply-templates select="." mode="title"/></h1>
              <div class="changelog">
                <xsl:apply-templates select="$cl" mode="changelog-body"><xsl:with-param name="p" select="$p"/></xsl:apply-templates>
              </div>
            </main>
          </div>
          <footer class="site-footer">
            <div class="footer-inner">
              <p><xsl:call-template name="f"><xsl:with-param name="k" select="'cl-standalone-footer'"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="a1" select="$site/@generator"/></xsl:call-template></p>
            </div>
          </footer>
        </body>
      </html>
    </exsl:document>
  </xsl:template>
</xsl:stylesheet>
