<?xml version="1.0" encoding="UTF-8"?>
<!--
  cert.xsl - the label certificate pages: verify.html, where
  assets/verify.js checks a certificate's token (from the address after
  #, or typed) against the public keys listed here and the published
  status file, and keys.html, the public keys with their fingerprints.
  Included by site.xsl; the data is the site's <keys> element
  (compiler/site/site_cert.c).
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:template match="page[@type = 'verify']" mode="title">
    <xsl:call-template name="t"><xsl:with-param name="k" select="'verify-title'"/><xsl:with-param name="lang" select="@lang"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@type = 'verify']" mode="main">
    <xsl:variable name="p" select="."/>
    <xsl:variable name="lang" select="@lang"/>
    <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'verify-title'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></h1>
    <p><xsl:call-template name="t"><xsl:with-param name="k" select="'verify-intro'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></p>
    <!-- the form is made by verify.js (a page without script shows the
         noscript text), so that no page carries form elements of its own -->
    <div id="verify-form-slot">
      <xsl:attribute name="data-label"><xsl:call-template name="t"><xsl:with-param name="k" select="'verify-token'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></xsl:attribute>
      <xsl:attribute name="data-button"><xsl:call-template name="t"><xsl:with-param name="k" select="'verify-button'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></xsl:attribute>
    </div>
    <noscript><p><xsl:call-template name="t"><xsl:with-param name="k" select="'verify-noscript'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></p></noscript>
    <section id="verify-result" class="verify-result" aria-live="polite" hidden="hidden"></section>
    <div id="verify-data" hidden="hidden" data-status="{$site/keys/@status}">
      <xsl:for-each select="$site/keys/key">
        <span class="verify-key" data-id="{@id}" data-key="{@public}" data-test="{@test}"></span>
      </xsl:for-each>
    </div>
    <p class="meta">
      <a href="{$p/@root}keys.html"><xsl:call-template name="t"><xsl:with-param name="k" select="'keys-title'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></a>
      <xsl:if test="$site/keys/@status">
        <xsl:text> · </xsl:text>
        <a href="{$p/@root}{$site/keys/@status}"><xsl:call-template name="t"><xsl:with-param name="k" select="'status-file'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></a>
      </xsl:if>
    </p>
  </xsl:template>

  <xsl:template match="page[@type = 'keys']" mode="title">
    <xsl:call-template name="t"><xsl:with-param name="k" select="'keys-title'"/><xsl:with-param name="lang" select="@lang"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@type = 'keys']" mode="main">
    <xsl:variable name="p" select="."/>
    <xsl:variable name="lang" select="@lang"/>
    <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'keys-title'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></h1>
    <p><xsl:call-template name="t"><xsl:with-param name="k" select="'keys-intro'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></p>
    <xsl:choose>
      <xsl:when test="$site/keys/key">
        <table class="keys">
          <thead>
            <tr>
              <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'key-id'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></th>
              <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'key-fingerprint'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></th>
              <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'key-public'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="$site/keys/key">
              <tr>
                <td>
                  <code><xsl:value-of select="@id"/></code>
                  <xsl:if test="@test = 'true'">
                    <xsl:text> </xsl:text>
                    <strong class="key-test"><xsl:call-template name="t"><xsl:with-param name="k" select="'key-test'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></strong>
                  </xsl:if>
                </td>
                <td><code class="fingerprint"><xsl:value-of select="@fingerprint"/></code></td>
                <td><code class="public-key"><xsl:value-of select="@public"/></code></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </xsl:when>
      <xsl:otherwise>
        <p class="empty"><xsl:call-template name="t"><xsl:with-param name="k" select="'no-keys'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></p>
      </xsl:otherwise>
    </xsl:choose>
    <p><a href="{$p/@root}verify.html"><xsl:call-template name="t"><xsl:with-param name="k" select="'verify-title'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></a></p>
  </xsl:template>

</xsl:stylesheet>
