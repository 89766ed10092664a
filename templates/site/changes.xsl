<?xml version="1.0" encoding="UTF-8"?>
<!--
  changes.xsl - the change log between two catalogue versions: the body
  of the site's page changes/OLD.html and of the standalone page of
  `vcsc diff -format html` (changelog.xsl). It renders the <changelog>
  element that the catalogue diff builds (compiler/diff.h,
  diff_changelog_xml, describes it): a summary table of the counts per
  kind of change, the table of changed numbers, then every changed
  chapter, section (where the scheme has them) and question with its
  changes, word-level diffs (<del>/<ins>) and change notes, questions
  under their section and chapter.

  Links: an item is linked to its page when the site document holds
  that page (key 'question' of its version); the standalone page holds
  no pages, so it has no links out.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- Overrides the placeholder of pages.xsl. -->
  <xsl:template match="changelog" mode="changelog-body" priority="1">
    <xsl:param name="p"/>
    <xsl:variable name="cl" select="."/>
    <xsl:variable name="lang" select="$p/@lang"/>
    <p class="lead cl-versions">
      <xsl:call-template name="f"><xsl:with-param name="k" select="'cl-from-to'"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="a1" select="@from"/><xsl:with-param name="a2" select="@to"/></xsl:call-template>
      <xsl:text> </xsl:text>
      <span class="meta">
        <xsl:call-template name="cl-status"><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="v" select="@from"/><xsl:with-param name="draft" select="@old-draft"/><xsl:with-param name="released" select="@old-released"/></xsl:call-template>
        <xsl:text> · </xsl:text>
        <xsl:call-template name="cl-status"><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="v" select="@to"/><xsl:with-param name="draft" select="@new-draft"/><xsl:with-param name="released" select="@new-released"/></xsl:call-template>
      </span>
    </p>
    <xsl:if test="@new-draft = 'true'">
      <p class="cl-draft">
        <span class="tag tag-draft"><xsl:call-template name="t"><xsl:with-param name="k" select="'draft'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></span>
        <xsl:text> </xsl:text>
        <xsl:call-template name="f"><xsl:with-param name="k" select="'cl-draft-note'"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="a1" select="@to"/></xsl:call-template>
      </p>
    </xsl:if>

    <section class="cl-summary">
      <h2 id="cl-summary"><xsl:call-template name="t"><xsl:with-param name="k" select="'cl-summary'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></h2>
      <xsl:choose>
        <xsl:when test="@same = 'true'">
          <p class="empty"><xsl:call-template name="t"><xsl:with-param name="k" select="'cl-same'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></p>
        </xsl:when>
        <xsl:otherwise>
          <div class="table-wrap">
            <table class="cl-counts">
              <thead>
                <tr>
                  <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'cl-kind'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></th>
                  <th scope="col" class="cl-n"><xsl:call-template name="t"><xsl:with-param name="k" select="'chapters'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></th>
                  <xsl:if test="@sections = 'true'">
                    <th scope="col" class="cl-n"><xsl:call-template name="t"><xsl:with-param name="k" select="'cl-sections'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></th>
                  </xsl:if>
                  <th scope="col" class="cl-n"><xsl:call-template name="t"><xsl:with-param name="k" select="'cl-questions'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></th>
                  <th scope="col" class="cl-n"><xsl:call-template name="t"><xsl:with-param name="k" select="'requirements'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></th>
                  <th scope="col" class="cl-n"><xsl:call-template name="t"><xsl:with-param name="k" select="'cl-total'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></th>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="counts/count">
                  <tr class="cl-{@kind}">
                    <th scope="row"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('cl-k-', @kind, substring('-any', 1, 4 * (@kind = 'moved')), substring('-sections', 1, 9 * (@kind = 'moved' and $cl/@sections = 'true')))"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></th>
                    <xsl:call-template name="cl-n"><xsl:with-param name="n" select="@chapters"/></xsl:call-template>
                    <xsl:if test="$cl/@sections = 'true'">
                      <xsl:call-template name="cl-n"><xsl:with-param name="n" select="@sections"/></xsl:call-template>
                    </xsl:if>
                    <xsl:call-template name="cl-n"><xsl:with-param name="n" select="@questions"/></xsl:call-template>
                    <xsl:call-template name="cl-n"><xsl:with-param name="n" select="@requirements"/></xsl:call-template>
                    <xsl:call-template name="cl-n"><xsl:with-param name="n" select="@total"/></xsl:call-template>
                  </tr>
                </xsl:for-each>
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row"><xsl:call-template name="t"><xsl:with-param name="k" select="'cl-all'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></th>
                  <xsl:call-template name="cl-n"><xsl:with-param name="n" select="sum(counts/count/@chapters)"/></xsl:call-template>
                  <xsl:if test="@sections = 'true'">
                    <xsl:call-template name="cl-n"><xsl:with-param name="n" select="sum(counts/count/@sections)"/></xsl:call-template>
                  </xsl:if>
                  <xsl:call-template name="cl-n"><xsl:with-param name="n" select="sum(counts/count/@questions)"/></xsl:call-template>
                  <xsl:call-template name="cl-n"><xsl:with-param name="n" select="sum(counts/count/@requirements)"/></xsl:call-template>
                  <xsl:call-template name="cl-n"><xsl:with-param name="n" select="counts/@total"/></xsl:call-template>
                </tr>
              </tfoot>
            </table>
          </div>
          <xsl:if test="numbers/@shifted &gt; 0">
            <p class="meta"><xsl:call-template name="f"><xsl:with-param name="k" select="concat('cl-shifted-n', substring('-sections', 1, 9 * (@sections = 'true')))"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="a1" select="numbers/@shifted"/></xsl:call-template></p>
          </xsl:if>
          <xsl:if test="language-change">
            <ul class="cl-list cl-languages">
              <xsl:for-each select="language-change">
                <li class="cl-change cl-language"><xsl:call-template name="cl-language"><xsl:with-param name="lang" select="$lang"/></xsl:call-template></li>
              </xsl:for-each>
            </ul>
          </xsl:if>
          <p class="cl-legend">
            <xsl:call-template name="t"><xsl:with-param name="k" select="'cl-legend'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template>
            <xsl:text> </xsl:text>
            <del><xsl:call-template name="t"><xsl:with-param name="k" select="'cl-legend-del'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></del>
            <xsl:text>, </xsl:text>
            <ins><xsl:call-template name="t"><xsl:with-param name="k" select="'cl-legend-ins'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></ins>
            <xsl:text>.</xsl:text>
          </p>
        </xsl:otherwise>
      </xsl:choose>
    </section>

    <xsl:if test="numbers/row">
      <section class="cl-numbers">
        <h2 id="cl-numbers"><xsl:call-template name="t"><xsl:with-param name="k" select="'cl-numbers'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></h2>
        <p><xsl:call-template name="t"><xsl:with-param name="k" select="concat('cl-numbers-lead', substring('-sections', 1, 9 * (@sections = 'true')))"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></p>
        <div class="table-wrap">
          <table class="cl-number-table">
            <thead>
              <tr>
                <th scope="col" class="col-id"><xsl:call-template name="t"><xsl:with-param name="k" select="'cl-old-number'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></th>
                <th scope="col" class="col-id"><xsl:call-template name="t"><xsl:with-param name="k" select="'cl-new-number'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></th>
                <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'cl-kind'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></th>
                <!-- rows of sections too where the scheme has them -->
                <xsl:variable name="what">
                  <xsl:choose>
                    <xsl:when test="@sections = 'true'">cl-field-title</xsl:when>
                    <xsl:otherwise>cl-question</xsl:otherwise>
                  </xsl:choose>
                </xsl:variable>
                <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="$what"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="numbers/row">
                <tr id="{@anchor}" data-uid="{@uid}" class="cl-place-{@place}">
                  <td class="col-id"><xsl:value-of select="@old-number"/></td>
                  <td class="col-id">
                    <xsl:call-template name="cl-link"><xsl:with-param name="p" select="$p"/><xsl:with-param name="it" select="."/><xsl:with-param name="content" select="string(@new-number)"/></xsl:call-template>
                  </td>
                  <td>
                    <xsl:variable name="place"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('cl-place-', @place)"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></xsl:variable>
                    <xsl:choose>
                      <xsl:when test="@entry"><a href="#{@entry}"><xsl:value-of select="$place"/></a></xsl:when>
                      <xsl:otherwise><xsl:value-of select="$place"/></xsl:otherwise>
                    </xsl:choose>
                  </td>
                  <td><xsl:call-template name="cl-text"><xsl:with-param name="f" select="title[@lang = $lang]"/></xsl:call-template></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </section>
    </xsl:if>

    <xsl:if test="chapter-entry">
      <section class="cl-details">
        <h2 id="cl-details"><xsl:call-template name="t"><xsl:with-param name="k" select="'cl-details'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></h2>
        <xsl:for-each select="chapter-entry">
          <section class="cl-chapter">
            <xsl:if test="@anchor"><xsl:attribute name="id"><xsl:value-of select="@anchor"/></xsl:attribute></xsl:if>
            <h3 class="cl-chapter-title">
              <xsl:variable name="label">
                <xsl:call-template name="f"><xsl:with-param name="k" select="'cl-chapter-n'"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="a1" select="@number"/></xsl:call-template>
                <xsl:if test="title[@lang = $lang]">
                  <xsl:text> · </xsl:text>
                  <xsl:value-of select="title[@lang = $lang]"/>
                </xsl:if>
              </xsl:variable>
              <xsl:variable name="ch" select="key('chapter', concat(@link-version, '|', @number))"/>
              <xsl:variable name="v" select="key('version', @link-version)"/>
              <xsl:choose>
                <xsl:when test="$ch and $v">
                  <a href="{$p/@root}{$v/language[@id = $lang or (not($v/language[@id = $lang]) and @id = $v/@source-lang)]/@dir}{$ch/@file}"><xsl:value-of select="$label"/></a>
                </xsl:when>
                <xsl:otherwise><xsl:value-of select="$label"/></xsl:otherwise>
              </xsl:choose>
            </h3>
            <xsl:if test="change">
              <xsl:call-template name="cl-body"><xsl:with-param name="p" select="$p"/><xsl:with-param name="cl" select="$cl"/><xsl:with-param name="it" select="."/></xsl:call-template>
            </xsl:if>
            <xsl:for-each select="entry">
              <xsl:call-template name="cl-entry"><xsl:with-param name="p" select="$p"/><xsl:with-param name="cl" select="$cl"/><xsl:with-param name="h" select="4"/></xsl:call-template>
            </xsl:for-each>
            <xsl:for-each select="section-entry">
              <section class="cl-section" id="{@anchor}" data-uid="{@uid}">
                <h4 class="cl-section-title">
                  <xsl:value-of select="concat(@number, ' ', title[@lang = $lang])"/>
                  <xsl:call-template name="cl-place-tag"><xsl:with-param name="it" select="."/><xsl:with-param name="lang" select="$lang"/></xsl:call-template>
                </h4>
                <xsl:if test="change">
                  <xsl:call-template name="cl-body"><xsl:with-param name="p" select="$p"/><xsl:with-param name="cl" select="$cl"/><xsl:with-param name="it" select="."/></xsl:call-template>
                </xsl:if>
                <xsl:for-each select="entry">
                  <xsl:call-template name="cl-entry"><xsl:with-param name="p" select="$p"/><xsl:with-param name="cl" select="$cl"/><xsl:with-param name="h" select="5"/></xsl:call-template>
                </xsl:for-each>
              </section>
            </xsl:for-each>
          </section>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- A changed question (heading level h: 4 below a chapter, 5 below a
       section) with its changes and its changed requirements. -->
  <xsl:template name="cl-entry">
    <xsl:param name="p"/>
    <xsl:param name="cl"/>
    <xsl:param name="h"/>
    <xsl:variable name="lang" select="$p/@lang"/>
    <article class="cl-entry" id="{@anchor}" data-uid="{@uid}">
      <xsl:if test="title[@lang = $lang]/@text-lang"><xsl:attribute name="data-text-lang"><xsl:value-of select="title[@lang = $lang]/@text-lang"/></xsl:attribute></xsl:if>
      <xsl:element name="h{$h}">
        <xsl:attribute name="class">cl-entry-title</xsl:attribute>
        <xsl:call-template name="cl-link">
          <xsl:with-param name="p" select="$p"/>
          <xsl:with-param name="it" select="."/>
          <xsl:with-param name="content" select="concat(@new-number, substring(@old-number, 1 div not(@new-number)), ' ', title[@lang = $lang])"/>
        </xsl:call-template>
        <xsl:call-template name="cl-place-tag"><xsl:with-param name="it" select="."/><xsl:with-param name="lang" select="$lang"/></xsl:call-template>
      </xsl:element>
      <xsl:call-template name="cl-body"><xsl:with-param name="p" select="$p"/><xsl:with-param name="cl" select="$cl"/><xsl:with-param name="it" select="."/></xsl:call-template>
      <xsl:for-each select="entry">
        <section class="cl-req" id="{@anchor}" data-uid="{@uid}">
          <xsl:element name="h{$h + 1}">
            <xsl:attribute name="class">cl-req-title</xsl:attribute>
            <xsl:call-template name="cl-link">
              <xsl:with-param name="p" select="$p"/>
              <xsl:with-param name="it" select="."/>
              <xsl:with-param name="content" select="concat(@new-number, substring(@old-number, 1 div not(@new-number)))"/>
            </xsl:call-template>
            <xsl:call-template name="cl-place-tag"><xsl:with-param name="it" select="."/><xsl:with-param name="lang" select="$lang"/></xsl:call-template>
          </xsl:element>
          <xsl:call-template name="cl-body"><xsl:with-param name="p" select="$p"/><xsl:with-param name="cl" select="$cl"/><xsl:with-param name="it" select="."/></xsl:call-template>
        </section>
      </xsl:for-each>
    </article>
  </xsl:template>

  <!-- A language whose status changed, once for all its texts:
       "Deutsch completed: 143 texts added". -->
  <xsl:template name="cl-language">
    <xsl:param name="lang"/>
    <span class="cl-kind">
      <xsl:call-template name="f"><xsl:with-param name="k" select="concat('cl-lang-', @event)"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="a1" select="@name"/></xsl:call-template>
      <xsl:if test="@added + @changed + @removed &gt; 0">:</xsl:if>
    </span>
    <xsl:if test="@added &gt; 0">
      <xsl:text> </xsl:text>
      <xsl:call-template name="cl-texts"><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="n" select="@added"/><xsl:with-param name="what" select="'added'"/></xsl:call-template>
    </xsl:if>
    <xsl:if test="@changed &gt; 0">
      <xsl:value-of select="substring(', ', 1 + 2 * not(@added &gt; 0))"/>
      <xsl:if test="not(@added &gt; 0)"><xsl:text> </xsl:text></xsl:if>
      <xsl:call-template name="cl-texts"><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="n" select="@changed"/><xsl:with-param name="what" select="'changed'"/></xsl:call-template>
    </xsl:if>
    <xsl:if test="@removed &gt; 0">
      <xsl:value-of select="substring(', ', 1 + 2 * not(@added &gt; 0 or @changed &gt; 0))"/>
      <xsl:if test="not(@added &gt; 0 or @changed &gt; 0)"><xsl:text> </xsl:text></xsl:if>
      <xsl:call-template name="cl-texts"><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="n" select="@removed"/><xsl:with-param name="what" select="'removed'"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- "1 text added", "12 texts changed", ... -->
  <xsl:template name="cl-texts">
    <xsl:param name="lang"/>
    <xsl:param name="n"/>
    <xsl:param name="what"/>
    <xsl:choose>
      <xsl:when test="$n = 1"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('cl-1-text-', $what)"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:call-template name="f"><xsl:with-param name="k" select="concat('cl-n-texts-', $what)"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="a1" select="$n"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The name of language l, as the site document knows it. -->
  <xsl:template name="cl-lang-name">
    <xsl:param name="l"/>
    <xsl:choose>
      <xsl:when test="$site/language[@id = $l]"><xsl:value-of select="$site/language[@id = $l]/@name"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$l"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "released 2025-06-01" or "draft" for version v. -->
  <xsl:template name="cl-status">
    <xsl:param name="lang"/>
    <xsl:param name="v"/>
    <xsl:param name="draft"/>
    <xsl:param name="released"/>
    <xsl:value-of select="$v"/>
    <xsl:text>: </xsl:text>
    <xsl:choose>
      <xsl:when test="$draft = 'true'"><xsl:call-template name="t"><xsl:with-param name="k" select="'draft'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:call-template name="f"><xsl:with-param name="k" select="'released-on'"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="a1" select="$released"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A count cell; zero shows as a dash. -->
  <xsl:template name="cl-n">
    <xsl:param name="n"/>
    <td class="cl-n">
      <xsl:choose>
        <xsl:when test="$n &gt; 0"><xsl:value-of select="$n"/></xsl:when>
        <xsl:otherwise><span class="cl-zero">–</span></xsl:otherwise>
      </xsl:choose>
    </td>
  </xsl:template>

  <!-- A plain text in the page's language, marked when it fell back to
       another language. -->
  <xsl:template name="cl-text">
    <xsl:param name="f"/>
    <xsl:choose>
      <xsl:when test="$f/@text-lang"><span lang="{$f/@text-lang}"><xsl:value-of select="$f"/></span></xsl:when>
      <xsl:otherwise><xsl:value-of select="$f"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- content as a link to the page of item it (link-version,
       link-question, link-requirement) when the site has that page; in
       the page's language, else the version's source language. -->
  <xsl:template name="cl-link">
    <xsl:param name="p"/>
    <xsl:param name="it"/>
    <xsl:param name="content"/>
    <xsl:param name="version" select="$it/@link-version"/>
    <xsl:param name="quid" select="$it/@link-question"/>
    <xsl:param name="ruid" select="$it/@link-requirement"/>
    <xsl:variable name="v" select="key('version', $version)"/>
    <xsl:variable name="q" select="key('question', concat($version, '|', $quid))[@file]"/>
    <xsl:variable name="vl" select="$v/language[@id = $p/@lang] | $v/language[not($v/language[@id = $p/@lang]) and @id = $v/@source-lang]"/>
    <xsl:choose>
      <xsl:when test="$q and $vl">
        <xsl:variable name="frag">
          <xsl:if test="string($ruid) != '' and $q/requirement[@uid = $ruid]">
            <xsl:value-of select="concat('#', $q/requirement[@uid = $ruid]/@anchor)"/>
          </xsl:if>
        </xsl:variable>
        <a href="{$p/@root}{$vl/@dir}{$q/@file}{$frag}">
          <xsl:if test="$vl/@id != $p/@lang"><xsl:attribute name="hreflang"><xsl:value-of select="$vl/@id"/></xsl:attribute></xsl:if>
          <xsl:value-of select="$content"/>
        </a>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$content"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A tag after an entry's title for added, removed, withdrawn, moved
       and renumbered items. -->
  <xsl:template name="cl-place-tag">
    <xsl:param name="it"/>
    <xsl:param name="lang"/>
    <xsl:if test="$it/@place != 'unchanged' and $it/@place != 'shifted'">
      <xsl:text> </xsl:text>
      <span class="tag cl-tag cl-tag-{$it/@place}"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('cl-place-', $it/@place)"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></span>
    </xsl:if>
  </xsl:template>

  <!-- The changes of one item, and its change note beside them. -->
  <xsl:template name="cl-body">
    <xsl:param name="p"/>
    <xsl:param name="cl"/>
    <xsl:param name="it"/>
    <xsl:variable name="lang" select="$p/@lang"/>
    <xsl:variable name="note" select="$it/note[@lang = $lang]"/>
    <div class="cl-body">
      <xsl:if test="$note"><xsl:attribute name="class">cl-body cl-has-note</xsl:attribute></xsl:if>
      <ul class="cl-list">
        <xsl:for-each select="$it/change">
          <li class="cl-change cl-{@kind}">
            <xsl:apply-templates select="." mode="cl-change"><xsl:with-param name="p" select="$p"/><xsl:with-param name="cl" select="$cl"/><xsl:with-param name="it" select="$it"/></xsl:apply-templates>
          </li>
        </xsl:for-each>
      </ul>
      <xsl:if test="$note">
        <!-- role="note": a change note is not a landmark of its own (without
             it every note is a complementary landmark) -->
        <aside class="cl-note change-note" role="note">
          <span class="change-label"><xsl:call-template name="t"><xsl:with-param name="k" select="'cl-note'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></span>
          <xsl:call-template name="prose"><xsl:with-param name="f" select="$note"/></xsl:call-template>
        </aside>
      </xsl:if>
    </div>
  </xsl:template>

  <!-- The label of a change: its kind. -->
  <xsl:template name="cl-kind">
    <xsl:param name="lang"/>
    <xsl:param name="more" select="true()"/>
    <xsl:variable name="k">
      <xsl:choose>
        <xsl:when test="@kind = 'moved' and ../@type = 'requirement'">cl-k-moved-requirement</xsl:when>
        <xsl:when test="@kind = 'moved' and @out-of = 'section'">cl-k-moved-section</xsl:when>
        <xsl:otherwise><xsl:value-of select="concat('cl-k-', @kind)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <span class="cl-kind"><xsl:call-template name="t"><xsl:with-param name="k" select="$k"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template><xsl:if test="$more">:</xsl:if></span>
    <xsl:if test="$more"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <!-- The name of a changed field: title, question, ..., must, should. -->
  <xsl:template name="cl-field">
    <xsl:param name="cl"/>
    <xsl:param name="lang"/>
    <xsl:param name="field" select="@field"/>
    <span class="cl-field">
      <xsl:choose>
        <xsl:when test="$cl/level-name[@id = $field]"><xsl:value-of select="$cl/level-name[@id = $field]/title[@lang = $lang]"/></xsl:when>
        <xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="k" select="concat('cl-field-', $field)"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <!-- A level ("must", "should", "must+should") by the scheme's names. -->
  <xsl:template name="cl-level">
    <xsl:param name="cl"/>
    <xsl:param name="lang"/>
    <xsl:param name="level"/>
    <xsl:variable name="first">
      <xsl:choose>
        <xsl:when test="contains($level, '+')"><xsl:value-of select="substring-before($level, '+')"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$level"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <span class="level-tag level-{$first}"><xsl:value-of select="$cl/level-name[@id = $first]/title[@lang = $lang]"/></span>
    <xsl:if test="contains($level, '+')">
      <xsl:text> + </xsl:text>
      <xsl:call-template name="cl-level"><xsl:with-param name="cl" select="$cl"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="level" select="substring-after($level, '+')"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The word diff in the page's language. -->
  <xsl:template name="cl-diff">
    <xsl:param name="p"/>
    <xsl:variable name="lang" select="$p/@lang"/>
    <xsl:variable name="d" select="diff[@lang = $lang]"/>
    <xsl:if test="$d">
      <div class="cl-diff">
        <xsl:if test="$d/@text-lang">
          <xsl:attribute name="lang"><xsl:value-of select="$d/@text-lang"/></xsl:attribute>
        </xsl:if>
        <!-- a change of a translation names its language in its label -->
        <xsl:if test="$d/@text-lang and not(@lang)">
          <p class="cl-diff-lang" lang="{$lang}">
            <xsl:variable name="name">
              <xsl:choose>
                <xsl:when test="$site/language[@id = $d/@text-lang]"><xsl:value-of select="$site/language[@id = $d/@text-lang]/@name"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="$d/@text-lang"/></xsl:otherwise>
              </xsl:choose>
            </xsl:variable>
            <xsl:call-template name="f"><xsl:with-param name="k" select="'cl-compared-in'"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="a1" select="$name"/></xsl:call-template>
          </p>
        </xsl:if>
        <div class="wdiff"><xsl:apply-templates select="$d/*" mode="cl-diff"/></div>
      </div>
    </xsl:if>
  </xsl:template>

  <xsl:template match="eq" mode="cl-diff"><xsl:value-of select="."/></xsl:template>
  <xsl:template match="del" mode="cl-diff"><del><xsl:value-of select="."/></del></xsl:template>
  <xsl:template match="ins" mode="cl-diff"><ins><xsl:value-of select="."/></ins></xsl:template>

  <!-- Successor questions: number and title of each, linked, as a list
       in the page's language ("3.1 A, 3.2 B and 3.3 C"); "none" for
       none. -->
  <xsl:template name="cl-successors">
    <xsl:param name="p"/>
    <xsl:param name="s"/>
    <xsl:if test="not($s)"><xsl:call-template name="t"><xsl:with-param name="k" select="'cl-none'"/><xsl:with-param name="lang" select="$p/@lang"/></xsl:call-template></xsl:if>
    <xsl:for-each select="$s">
      <xsl:choose>
        <xsl:when test="position() = 1"/>
        <xsl:when test="position() = last()">
          <xsl:text> </xsl:text>
          <xsl:call-template name="t"><xsl:with-param name="k" select="'cl-and'"/><xsl:with-param name="lang" select="$p/@lang"/></xsl:call-template>
          <xsl:text> </xsl:text>
        </xsl:when>
        <xsl:otherwise><xsl:text>, </xsl:text></xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="cl-link">
        <xsl:with-param name="p" select="$p"/>
        <xsl:with-param name="it" select="."/>
        <xsl:with-param name="version" select="@version"/>
        <xsl:with-param name="quid" select="@uid"/>
        <xsl:with-param name="ruid" select="''"/>
        <xsl:with-param name="content" select="concat(@number, ' ', title[@lang = $p/@lang])"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- ================= one change, by kind ================= -->

  <xsl:template match="change[@kind = 'added' or @kind = 'removed']" mode="cl-change">
    <xsl:param name="p"/>
    <xsl:param name="it"/>
    <xsl:variable name="lang" select="$p/@lang"/>
    <xsl:call-template name="cl-kind"><xsl:with-param name="lang" select="$lang"/></xsl:call-template>
    <xsl:call-template name="f"><xsl:with-param name="k" select="concat('cl-', $it/@type, '-num')"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="a1" select="@number"/></xsl:call-template>
    <xsl:if test="@requirements &gt; 0">
      <xsl:text> </xsl:text>
      <xsl:choose>
        <xsl:when test="@requirements = 1"><xsl:call-template name="t"><xsl:with-param name="k" select="'cl-with-1-requirement'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></xsl:when>
        <xsl:otherwise><xsl:call-template name="f"><xsl:with-param name="k" select="'cl-with-n-requirements'"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="a1" select="@requirements"/></xsl:call-template></xsl:otherwise>
      </xsl:choose>
    </xsl:if>
    <xsl:if test="@was-withdrawn = 'true'">
      <xsl:text> </xsl:text>
      <xsl:call-template name="t"><xsl:with-param name="k" select="'cl-was-withdrawn'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="change[@kind = 'withdrawn']" mode="cl-change">
    <xsl:param name="p"/>
    <xsl:call-template name="cl-kind"><xsl:with-param name="lang" select="$p/@lang"/><xsl:with-param name="more" select="boolean(successor)"/></xsl:call-template>
    <xsl:if test="successor">
      <xsl:call-template name="t"><xsl:with-param name="k" select="'cl-continues-in'"/><xsl:with-param name="lang" select="$p/@lang"/></xsl:call-template>
      <xsl:text> </xsl:text>
      <xsl:call-template name="cl-successors"><xsl:with-param name="p" select="$p"/><xsl:with-param name="s" select="successor"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="change[@kind = 'moved' or @kind = 'renumbered' or @kind = 'uid']" mode="cl-change">
    <xsl:param name="p"/>
    <xsl:call-template name="cl-kind"><xsl:with-param name="lang" select="$p/@lang"/></xsl:call-template>
    <span class="cl-from"><xsl:value-of select="@old"/></span>
    <xsl:text> → </xsl:text>
    <span class="cl-to"><xsl:value-of select="@new"/></span>
  </xsl:template>

  <xsl:template match="change[@kind = 'level']" mode="cl-change">
    <xsl:param name="p"/>
    <xsl:param name="cl"/>
    <xsl:variable name="lang" select="$p/@lang"/>
    <xsl:call-template name="cl-kind"><xsl:with-param name="lang" select="$lang"/></xsl:call-template>
    <xsl:call-template name="cl-level"><xsl:with-param name="cl" select="$cl"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="level" select="@old"/></xsl:call-template>
    <xsl:text> → </xsl:text>
    <xsl:call-template name="cl-level"><xsl:with-param name="cl" select="$cl"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="level" select="@new"/></xsl:call-template>
    <xsl:call-template name="cl-diff"><xsl:with-param name="p" select="$p"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="change[@kind = 'text' or @kind = 'formatting' or @kind = 'whitespace' or @kind = 'translation']" mode="cl-change">
    <xsl:param name="p"/>
    <xsl:param name="cl"/>
    <xsl:variable name="lang" select="$p/@lang"/>
    <xsl:call-template name="cl-kind"><xsl:with-param name="lang" select="$lang"/></xsl:call-template>
    <xsl:call-template name="cl-field"><xsl:with-param name="cl" select="$cl"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template>
    <xsl:if test="@lang">
      <xsl:text> (</xsl:text>
      <xsl:call-template name="cl-lang-name"><xsl:with-param name="l" select="@lang"/></xsl:call-template>
      <xsl:text>)</xsl:text>
    </xsl:if>
    <xsl:if test="@absent">
      <xsl:text> </xsl:text>
      <xsl:call-template name="t"><xsl:with-param name="k" select="concat('cl-absent-', @absent)"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template>
    </xsl:if>
    <xsl:call-template name="cl-diff"><xsl:with-param name="p" select="$p"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="change[@kind = 'translation-stale']" mode="cl-change">
    <xsl:param name="p"/>
    <xsl:param name="cl"/>
    <xsl:variable name="lang" select="$p/@lang"/>
    <xsl:call-template name="cl-kind"><xsl:with-param name="lang" select="$lang"/></xsl:call-template>
    <xsl:call-template name="cl-field"><xsl:with-param name="cl" select="$cl"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template>
    <xsl:text> (</xsl:text>
    <xsl:call-template name="cl-lang-name"><xsl:with-param name="l" select="@lang"/></xsl:call-template>
    <xsl:text>)</xsl:text>
  </xsl:template>

  <xsl:template match="change[@kind = 'applicability']" mode="cl-change">
    <xsl:param name="p"/>
    <xsl:param name="cl"/>
    <xsl:variable name="lang" select="$p/@lang"/>
    <xsl:variable name="old" select="concat(' ', @old, ' ')"/>
    <xsl:variable name="new" select="concat(' ', @new, ' ')"/>
    <xsl:call-template name="cl-kind"><xsl:with-param name="lang" select="$lang"/></xsl:call-template>
    <span class="cl-objectives">
      <xsl:for-each select="$cl/objective-name[contains($old, concat(' ', @id, ' ')) or contains($new, concat(' ', @id, ' '))]">
        <xsl:variable name="badge"><span class="badge obj-{@id}"><xsl:value-of select="title[@lang = $lang]"/></span></xsl:variable>
        <xsl:choose>
          <xsl:when test="not(contains($new, concat(' ', @id, ' ')))"><del><xsl:copy-of select="$badge"/></del></xsl:when>
          <xsl:when test="not(contains($old, concat(' ', @id, ' ')))"><ins><xsl:copy-of select="$badge"/></ins></xsl:when>
          <xsl:otherwise><xsl:copy-of select="$badge"/></xsl:otherwise>
        </xsl:choose>
        <xsl:text> </xsl:text>
      </xsl:for-each>
    </span>
  </xsl:template>

  <xsl:template match="change[@kind = 'references']" mode="cl-change">
    <xsl:param name="p"/>
    <xsl:call-template name="cl-kind"><xsl:with-param name="lang" select="$p/@lang"/></xsl:call-template>
    <xsl:for-each select="ref">
      <xsl:variable name="r"><span class="ref-std"><xsl:value-of select="@title"/></span><xsl:text> </xsl:text><span class="ref"><xsl:value-of select="@id"/></span></xsl:variable>
      <xsl:choose>
        <xsl:when test="@op = 'added'"><ins><xsl:copy-of select="$r"/></ins></xsl:when>
        <xsl:otherwise><del><xsl:copy-of select="$r"/></del></xsl:otherwise>
      </xsl:choose>
      <xsl:if test="position() != last()"><xsl:text>, </xsl:text></xsl:if>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="change[@kind = 'successor']" mode="cl-change">
    <xsl:param name="p"/>
    <xsl:call-template name="cl-kind"><xsl:with-param name="lang" select="$p/@lang"/></xsl:call-template>
    <xsl:call-template name="cl-successors"><xsl:with-param name="p" select="$p"/><xsl:with-param name="s" select="successor[@side = 'old']"/></xsl:call-template>
    <xsl:text> → </xsl:text>
    <xsl:call-template name="cl-successors"><xsl:with-param name="p" select="$p"/><xsl:with-param name="s" select="successor[@side = 'new']"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="change" mode="cl-change">
    <xsl:param name="p"/>
    <xsl:call-template name="cl-kind"><xsl:with-param name="lang" select="$p/@lang"/><xsl:with-param name="more" select="false()"/></xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
