<?xml version="1.0" encoding="UTF-8"?>
<!--
  pages.xsl - the title (mode "title") and main content (mode "main") of
  each page type: home, notfound, overview, chapter, question,
  requirements, objective, standard, downloads, changes.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- ================= home ================= -->

  <xsl:template match="page[@type = 'home']" mode="title">
    <xsl:call-template name="t"><xsl:with-param name="k" select="'home-title'"/><xsl:with-param name="lang" select="@lang"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@type = 'home']" mode="main">
    <xsl:variable name="p" select="."/>
    <xsl:variable name="lang" select="@lang"/>
    <div class="hero">
      <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'home-title'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></h1>
      <p class="lead"><xsl:call-template name="t"><xsl:with-param name="k" select="'home-lead'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></p>
      <p><xsl:call-template name="t"><xsl:with-param name="k" select="'home-how'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></p>
    </div>
    <xsl:for-each select="$site/catalogue">
      <xsl:variable name="cat" select="."/>
      <xsl:variable name="front" select="(version[@latest = 'true'] | version[last()][not(../version[@latest = 'true'])])[1]"/>
      <xsl:variable name="flang">
        <xsl:choose>
          <xsl:when test="$front/language[@id = $lang]"><xsl:value-of select="$lang"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$front/@source-lang"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <section class="catalogue" id="cat-{@id}">
        <h2><xsl:value-of select="$front/title[@lang = $flang]"/></h2>
        <p class="actions">
          <a class="button" href="{$p/@root}{$front/language[@id = $flang]/@home}">
            <xsl:call-template name="f"><xsl:with-param name="k" select="'read-version'"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="a1" select="$front/@id"/></xsl:call-template>
          </a>
          <xsl:text> </xsl:text>
          <a href="{$p/@root}{$front/language[@id = $flang]/@dir}requirements.html">
            <xsl:call-template name="t"><xsl:with-param name="k" select="'all-requirements'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template>
          </a>
        </p>
        <h3><xsl:call-template name="t"><xsl:with-param name="k" select="'versions'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></h3>
        <div class="table-wrap">
          <table class="versions">
            <thead>
              <tr>
                <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'version'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></th>
                <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'status'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></th>
                <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'size'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></th>
                <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'languages'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="version">
                <xsl:sort select="@order" data-type="number" order="descending"/>
                <tr data-version="{@id}">
                  <th scope="row"><xsl:value-of select="@id"/></th>
                  <td><xsl:call-template name="version-status"><xsl:with-param name="v" select="."/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></td>
                  <td>
                    <xsl:call-template name="f"><xsl:with-param name="k" select="'n-questions-requirements'"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="a1" select="@questions"/><xsl:with-param name="a2" select="@requirements"/></xsl:call-template>
                  </td>
                  <td>
                    <xsl:for-each select="language">
                      <xsl:variable name="id" select="@id"/>
                      <a href="{$p/@root}{@home}" hreflang="{$id}" lang="{$id}"><xsl:value-of select="$site/language[@id = $id]/@name"/></a>
                      <xsl:if test="position() != last()"><xsl:text> · </xsl:text></xsl:if>
                    </xsl:for-each>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
        <xsl:call-template name="what-changed"><xsl:with-param name="p" select="$p"/><xsl:with-param name="v" select="$front"/><xsl:with-param name="vlang" select="$flang"/></xsl:call-template>
      </section>
    </xsl:for-each>
    <section class="objectives-intro">
      <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'audit-objectives'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></h2>
      <dl class="defs">
        <xsl:for-each select="$site/audit-objective">
          <dt><span class="badge obj-{@id}"><xsl:value-of select="title[@lang = $lang]"/></span></dt>
          <dd><xsl:call-template name="prose"><xsl:with-param name="f" select="description[@lang = $lang]"/></xsl:call-template></dd>
        </xsl:for-each>
      </dl>
    </section>
  </xsl:template>

  <xsl:template name="version-status">
    <xsl:param name="v"/>
    <xsl:param name="lang"/>
    <xsl:choose>
      <xsl:when test="$v/@draft = 'true'">
        <span class="tag tag-draft"><xsl:call-template name="t"><xsl:with-param name="k" select="'draft'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></span>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="f"><xsl:with-param name="k" select="'released-on'"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="a1" select="$v/@released"/></xsl:call-template>
        <xsl:if test="$v/@latest = 'true'">
          <xsl:text> </xsl:text>
          <span class="tag tag-latest"><xsl:call-template name="t"><xsl:with-param name="k" select="'latest'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></span>
        </xsl:if>
        <xsl:if test="$v/@outdated = 'true'">
          <xsl:text> </xsl:text>
          <span class="tag tag-outdated"><xsl:call-template name="t"><xsl:with-param name="k" select="'outdated'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></span>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- What the given version changed: its summary, the change logs of the
       catalogue diff, and every question and requirement with a change
       note. Links go into the version's folder of language vlang. -->
  <xsl:template name="what-changed">
    <xsl:param name="p"/>
    <xsl:param name="v"/>
    <xsl:param name="vlang"/>
    <xsl:variable name="lang" select="$p/@lang"/>
    <xsl:variable name="dir" select="concat($p/@root, $v/language[@id = $vlang]/@dir)"/>
    <section class="what-changed">
      <h3><xsl:call-template name="f"><xsl:with-param name="k" select="'what-changed'"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="a1" select="$v/@id"/></xsl:call-template></h3>
      <xsl:call-template name="prose"><xsl:with-param name="f" select="$v/summary[@lang = $vlang]"/></xsl:call-template>
      <xsl:if test="$v/changelog[@file]">
        <ul class="links">
          <xsl:for-each select="$v/changelog[@file]">
            <li><a href="{$dir}{@file}"><xsl:call-template name="f"><xsl:with-param name="k" select="'changes-since'"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="a1" select="@from"/></xsl:call-template></a></li>
          </xsl:for-each>
        </ul>
      </xsl:if>
      <xsl:variable name="noted" select="$v/chapter/question[note or requirement/note] | $v/chapter/section[note] | $v/chapter/section/question[note or requirement/note]"/>
      <xsl:if test="$noted">
        <ul class="change-list">
          <xsl:for-each select="$noted">
            <xsl:choose>
            <xsl:when test="self::section">
            <li data-uid="{@uid}">
              <a href="{$dir}{@file}#{@anchor}"><span class="num"><xsl:value-of select="@number"/></span><xsl:text> </xsl:text><xsl:value-of select="title[@lang = $vlang]"/></a>
              <xsl:call-template name="prose"><xsl:with-param name="f" select="note[@lang = $vlang]"/><xsl:with-param name="class" select="'note'"/></xsl:call-template>
            </li>
            </xsl:when>
            <xsl:otherwise>
            <li data-uid="{@uid}">
              <a href="{$dir}{@file}"><span class="num"><xsl:value-of select="@number"/></span><xsl:text> </xsl:text><xsl:value-of select="title[@lang = $vlang]"/></a>
              <xsl:if test="@withdrawn = 'true'">
                <xsl:text> </xsl:text>
                <span class="tag tag-withdrawn"><xsl:call-template name="t"><xsl:with-param name="k" select="'withdrawn'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></span>
              </xsl:if>
              <xsl:call-template name="prose"><xsl:with-param name="f" select="note[@lang = $vlang]"/><xsl:with-param name="class" select="'note'"/></xsl:call-template>
              <xsl:for-each select="requirement[note]">
                <div class="req-note">
                  <a href="{$dir}{../@file}#{@anchor}" class="req-label"><xsl:value-of select="@label"/></a>
                  <xsl:call-template name="prose"><xsl:with-param name="f" select="note[@lang = $vlang]"/><xsl:with-param name="class" select="'note'"/></xsl:call-template>
                </div>
              </xsl:for-each>
            </li>
            </xsl:otherwise>
            </xsl:choose>
          </xsl:for-each>
        </ul>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- ================= 404 ================= -->

  <xsl:template match="page[@type = 'notfound']" mode="title">
    <xsl:call-template name="t"><xsl:with-param name="k" select="'notfound-title'"/><xsl:with-param name="lang" select="@lang"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@type = 'notfound']" mode="main">
    <xsl:variable name="p" select="."/>
    <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'notfound-title'"/><xsl:with-param name="lang" select="@lang"/></xsl:call-template></h1>
    <xsl:for-each select="$site/language">
      <p lang="{@id}">
        <xsl:call-template name="t"><xsl:with-param name="k" select="'notfound-text'"/><xsl:with-param name="lang" select="@id"/></xsl:call-template>
      </p>
    </xsl:for-each>
    <ul class="links">
      <xsl:for-each select="$site/language">
        <li lang="{@id}"><a href="{$p/@root}{@home}"><xsl:call-template name="t"><xsl:with-param name="k" select="'to-home'"/><xsl:with-param name="lang" select="@id"/></xsl:call-template></a></li>
      </xsl:for-each>
      <xsl:for-each select="$site/catalogue[@latest-home]">
        <li><a href="{$p/@root}{@latest-home}"><xsl:call-template name="f"><xsl:with-param name="k" select="'read-version'"/><xsl:with-param name="lang" select="$p/@lang"/><xsl:with-param name="a1" select="@latest"/></xsl:call-template></a></li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <!-- ================= version overview ================= -->

  <xsl:template match="page[@type = 'overview']" mode="title">
    <xsl:variable name="lang" select="@lang"/>
    <xsl:value-of select="key('version', @version)/title[@lang = $lang]"/>
  </xsl:template>

  <xsl:template match="page[@type = 'overview']" mode="main">
    <xsl:variable name="p" select="."/>
    <xsl:variable name="lang" select="@lang"/>
    <xsl:variable name="v" select="key('version', @version)"/>
    <h1><xsl:value-of select="$v/title[@lang = $lang]"/></h1>
    <p class="meta">
      <xsl:call-template name="f"><xsl:with-param name="k" select="'version-n'"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="a1" select="$v/@id"/></xsl:call-template>
      <xsl:text> · </xsl:text>
      <xsl:call-template name="version-status"><xsl:with-param name="v" select="$v"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template>
      <xsl:text> · </xsl:text>
      <xsl:call-template name="f"><xsl:with-param name="k" select="'n-questions-requirements'"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="a1" select="$v/@questions"/><xsl:with-param name="a2" select="$v/@requirements"/></xsl:call-template>
      <xsl:if test="string($v/@licence) != ''">
        <xsl:text> · </xsl:text>
        <xsl:call-template name="f"><xsl:with-param name="k" select="'licence-n'"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="a1" select="$v/@licence"/></xsl:call-template>
      </xsl:if>
    </p>
    <xsl:call-template name="prose"><xsl:with-param name="f" select="$v/summary[@lang = $lang]"/><xsl:with-param name="class" select="'lead'"/></xsl:call-template>
    <xsl:if test="$v/changelog[@file]">
      <ul class="links">
        <xsl:for-each select="$v/changelog[@file]">
          <li><a href="{$p/@vroot}{@file}"><xsl:call-template name="f"><xsl:with-param name="k" select="'changes-since'"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="a1" select="@from"/></xsl:call-template></a></li>
        </xsl:for-each>
      </ul>
    </xsl:if>
    <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'chapters'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></h2>
    <ol class="overview-chapters">
      <xsl:for-each select="$v/chapter">
        <li id="{@anchor}">
          <h3><a href="{$p/@vroot}{@file}"><span class="num"><xsl:value-of select="@number"/></span><xsl:text> </xsl:text><xsl:value-of select="title[@lang = $lang]"/></a></h3>
          <xsl:if test="question">
          <ul class="question-list">
            <xsl:for-each select="question">
              <xsl:call-template name="overview-question"><xsl:with-param name="p" select="$p"/></xsl:call-template>
            </xsl:for-each>
          </ul>
          </xsl:if>
          <xsl:for-each select="section">
            <h4 class="overview-section"><a href="{$p/@vroot}{@file}#{@anchor}"><span class="num"><xsl:value-of select="@number"/></span><xsl:text> </xsl:text><xsl:value-of select="title[@lang = $lang]"/></a></h4>
            <ul class="question-list">
              <xsl:for-each select="question">
                <xsl:call-template name="overview-question"><xsl:with-param name="p" select="$p"/></xsl:call-template>
              </xsl:for-each>
            </ul>
          </xsl:for-each>
        </li>
      </xsl:for-each>
    </ol>
    <div class="overview-grid">
      <section>
        <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'audit-objectives'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></h2>
        <dl class="defs">
          <xsl:for-each select="$site/audit-objective">
            <dt><a class="badge obj-{@id}" href="{$p/@vroot}{@file}"><xsl:value-of select="title[@lang = $lang]"/></a></dt>
            <dd><xsl:call-template name="prose"><xsl:with-param name="f" select="description[@lang = $lang]"/></xsl:call-template></dd>
          </xsl:for-each>
        </dl>
      </section>
      <section>
        <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'levels'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></h2>
        <dl class="defs">
          <xsl:for-each select="$site/level">
            <dt><xsl:call-template name="level-tag"><xsl:with-param name="level" select="@id"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></dt>
            <dd>
              <xsl:call-template name="prose"><xsl:with-param name="f" select="description[@lang = $lang]"/></xsl:call-template>
              <xsl:if test="@narrowed = 'true'">
                <div class="narrowed">
                  <span class="narrowed-label"><xsl:call-template name="t"><xsl:with-param name="k" select="'applies-only'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></span>
                  <xsl:text> </xsl:text>
                  <xsl:call-template name="badges"><xsl:with-param name="p" select="$p"/><xsl:with-param name="ids" select="@objectives"/><xsl:with-param name="class" select="'badges-inline'"/></xsl:call-template>
                </div>
              </xsl:if>
            </dd>
          </xsl:for-each>
        </dl>
      </section>
      <section>
        <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'more'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></h2>
        <ul class="links">
          <li><a href="{$p/@vroot}requirements.html"><xsl:call-template name="t"><xsl:with-param name="k" select="'all-requirements'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></a></li>
          <xsl:for-each select="$v/standard">
            <li><a href="{$p/@vroot}{@file}"><xsl:call-template name="f"><xsl:with-param name="k" select="'refs-to'"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="a1" select="@title"/></xsl:call-template></a></li>
          </xsl:for-each>
          <li><a href="{$p/@vroot}downloads.html"><xsl:call-template name="t"><xsl:with-param name="k" select="'downloads'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></a></li>
        </ul>
      </section>
    </div>
  </xsl:template>

  <!-- A question in the overview's list (the context node). -->
  <xsl:template name="overview-question">
    <xsl:param name="p"/>
    <xsl:variable name="lang" select="$p/@lang"/>
    <li data-uid="{@uid}" data-objectives="{@objectives}">
      <xsl:if test="@withdrawn = 'true'"><xsl:attribute name="class">withdrawn</xsl:attribute></xsl:if>
      <xsl:call-template name="qlink"><xsl:with-param name="p" select="$p"/><xsl:with-param name="q" select="."/></xsl:call-template>
      <xsl:choose>
        <xsl:when test="@withdrawn = 'true'">
          <xsl:text> </xsl:text>
          <span class="tag tag-withdrawn"><xsl:call-template name="t"><xsl:with-param name="k" select="'withdrawn'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></span>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="badges"><xsl:with-param name="p" select="$p"/><xsl:with-param name="ids" select="@objectives"/><xsl:with-param name="class" select="'badges-inline badges-small'"/></xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </li>
  </xsl:template>

  <!-- ================= chapter ================= -->

  <xsl:template match="page[@type = 'chapter']" mode="title">
    <xsl:variable name="lang" select="@lang"/>
    <xsl:variable name="ch" select="key('chapter', concat(@version, '|', @ref))"/>
    <xsl:value-of select="concat($ch/@number, ' ', $ch/title[@lang = $lang])"/>
  </xsl:template>

  <xsl:template match="page[@type = 'chapter']" mode="main">
    <xsl:variable name="p" select="."/>
    <xsl:variable name="lang" select="@lang"/>
    <xsl:variable name="ch" select="key('chapter', concat(@version, '|', @ref))"/>
    <xsl:call-template name="crumbs"><xsl:with-param name="p" select="$p"/></xsl:call-template>
    <h1><span class="num"><xsl:value-of select="$ch/@number"/></span><xsl:text> </xsl:text><xsl:value-of select="$ch/title[@lang = $lang]"/></h1>
    <xsl:call-template name="prose"><xsl:with-param name="f" select="$ch/intro[@lang = $lang]"/><xsl:with-param name="class" select="'lead'"/></xsl:call-template>
    <xsl:call-template name="filter-slot"><xsl:with-param name="p" select="$p"/></xsl:call-template>
    <xsl:for-each select="$ch/question">
      <xsl:call-template name="chapter-question"><xsl:with-param name="p" select="$p"/></xsl:call-template>
    </xsl:for-each>
    <!-- sections: a heading, the introduction and change note, then the
         questions a level down; the objective filter hides a section
         whose questions it hides all (data-section) -->
    <xsl:for-each select="$ch/section">
      <section class="chapter-section" id="{@anchor}" data-section="{@uid}">
        <h2 class="section-title"><span class="num"><xsl:value-of select="@number"/></span><xsl:text> </xsl:text><xsl:value-of select="title[@lang = $lang]"/></h2>
        <xsl:call-template name="prose"><xsl:with-param name="f" select="intro[@lang = $lang]"/><xsl:with-param name="class" select="'section-intro'"/></xsl:call-template>
        <xsl:if test="note[@lang = $lang]">
          <div class="change-note">
            <span class="change-label"><xsl:call-template name="t"><xsl:with-param name="k" select="'changed'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></span>
            <xsl:call-template name="prose"><xsl:with-param name="f" select="note[@lang = $lang]"/></xsl:call-template>
          </div>
        </xsl:if>
        <xsl:for-each select="question">
          <xsl:call-template name="chapter-question"><xsl:with-param name="p" select="$p"/><xsl:with-param name="h" select="'h3'"/><xsl:with-param name="rh" select="'h4'"/></xsl:call-template>
        </xsl:for-each>
      </section>
    </xsl:for-each>
    <xsl:call-template name="pager">
      <xsl:with-param name="p" select="$p"/>
      <xsl:with-param name="prev" select="$ch/preceding-sibling::chapter[1]"/>
      <xsl:with-param name="next" select="$ch/following-sibling::chapter[1]"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A question on its chapter's page (the context node), under a
       heading h, its requirements under headings rh. -->
  <xsl:template name="chapter-question">
    <xsl:param name="p"/>
    <xsl:param name="h" select="'h2'"/>
    <xsl:param name="rh" select="'h3'"/>
    <xsl:variable name="lang" select="$p/@lang"/>
    <article class="question-summary" id="{@anchor}" data-uid="{@uid}" data-objectives="{@objectives}">
      <xsl:if test="@withdrawn = 'true'"><xsl:attribute name="class">question-summary withdrawn</xsl:attribute></xsl:if>
      <xsl:element name="{$h}"><xsl:call-template name="qlink"><xsl:with-param name="p" select="$p"/><xsl:with-param name="q" select="."/></xsl:call-template></xsl:element>
      <xsl:choose>
        <xsl:when test="@withdrawn = 'true'">
          <xsl:call-template name="withdrawn-note"><xsl:with-param name="p" select="$p"/><xsl:with-param name="q" select="."/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="badges"><xsl:with-param name="p" select="$p"/><xsl:with-param name="ids" select="@objectives"/></xsl:call-template>
          <xsl:call-template name="prose"><xsl:with-param name="f" select="text[@lang = $lang]"/><xsl:with-param name="class" select="'question-text'"/></xsl:call-template>
          <xsl:for-each select="requirement">
            <xsl:call-template name="requirement"><xsl:with-param name="p" select="$p"/><xsl:with-param name="r" select="."/><xsl:with-param name="full" select="false()"/><xsl:with-param name="heading" select="$rh"/></xsl:call-template>
          </xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
    </article>
  </xsl:template>

  <xsl:template name="pager">
    <xsl:param name="p"/>
    <xsl:param name="prev"/>
    <xsl:param name="next"/>
    <xsl:variable name="lang" select="$p/@lang"/>
    <nav class="pager">
      <xsl:attribute name="aria-label"><xsl:call-template name="t"><xsl:with-param name="k" select="'pager'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></xsl:attribute>
      <xsl:if test="$prev">
        <a class="pager-prev" rel="prev" href="{$p/@vroot}{$prev/@file}">
          <span class="pager-dir"><xsl:call-template name="t"><xsl:with-param name="k" select="'previous'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></span>
          <xsl:text> </xsl:text>
          <span class="num"><xsl:value-of select="$prev/@number"/></span><xsl:text> </xsl:text><xsl:value-of select="$prev/title[@lang = $lang]"/>
        </a>
      </xsl:if>
      <xsl:if test="$next">
        <a class="pager-next" rel="next" href="{$p/@vroot}{$next/@file}">
          <span class="pager-dir"><xsl:call-template name="t"><xsl:with-param name="k" select="'next'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></span>
          <xsl:text> </xsl:text>
          <span class="num"><xsl:value-of select="$next/@number"/></span><xsl:text> </xsl:text><xsl:value-of select="$next/title[@lang = $lang]"/>
        </a>
      </xsl:if>
    </nav>
  </xsl:template>

  <!-- A withdrawn question: says so, names the questions it continues
       in ("3.1 ..., 3.2 ... and 3.3 ...") and the last version that had
       its content. -->
  <xsl:template name="withdrawn-note">
    <xsl:param name="p"/>
    <xsl:param name="q"/>
    <xsl:variable name="lang" select="$p/@lang"/>
    <xsl:variable name="v" select="key('version', $p/@version)"/>
    <div class="withdrawn-note" role="note">
      <p>
        <strong><xsl:call-template name="f"><xsl:with-param name="k" select="'withdrawn-in'"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="a1" select="$v/@id"/></xsl:call-template></strong>
        <xsl:if test="$q/successor">
          <xsl:text> </xsl:text>
          <xsl:call-template name="t"><xsl:with-param name="k" select="'successor-is'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template>
          <xsl:for-each select="$q/successor">
            <xsl:call-template name="list-sep"><xsl:with-param name="lang" select="$lang"/></xsl:call-template>
            <xsl:call-template name="qlink"><xsl:with-param name="p" select="$p"/><xsl:with-param name="q" select="key('question', concat($p/@version, '|', @uid))"/></xsl:call-template>
          </xsl:for-each>
          <xsl:text>.</xsl:text>
        </xsl:if>
      </p>
      <xsl:call-template name="prose"><xsl:with-param name="f" select="$q/note[@lang = $lang]"/></xsl:call-template>
      <xsl:for-each select="$q/last-content[@lang = $lang]">
        <p>
          <a href="{$p/@root}{@href}"><xsl:call-template name="f"><xsl:with-param name="k" select="'last-content'"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="a1" select="@version"/></xsl:call-template></a>
        </p>
      </xsl:for-each>
    </div>
  </xsl:template>

  <!-- ================= question ================= -->

  <xsl:template match="page[@type = 'question']" mode="title">
    <xsl:variable name="lang" select="@lang"/>
    <xsl:variable name="q" select="key('qnum', concat(@version, '|', @ref))"/>
    <xsl:value-of select="concat($q/@number, ' ', $q/title[@lang = $lang])"/>
  </xsl:template>

  <xsl:template match="page[@type = 'question']" mode="main">
    <xsl:variable name="p" select="."/>
    <xsl:variable name="lang" select="@lang"/>
    <xsl:variable name="v" select="key('version', @version)"/>
    <xsl:variable name="q" select="key('qnum', concat(@version, '|', @ref))"/>
    <article class="question" id="{$q/@anchor}" data-uid="{$q/@uid}" data-number="{$q/@number}" data-objectives="{$q/@objectives}">
      <xsl:call-template name="crumbs"><xsl:with-param name="p" select="$p"/><xsl:with-param name="chapter" select="$q/parent::chapter | $q/parent::section/parent::chapter"/><xsl:with-param name="section" select="$q/parent::section"/></xsl:call-template>
      <h1><span class="num"><xsl:value-of select="$q/@number"/></span><xsl:text> </xsl:text><xsl:value-of select="$q/title[@lang = $lang]"/></h1>
      <xsl:choose>
        <xsl:when test="$q/@withdrawn = 'true'">
          <xsl:call-template name="withdrawn-note"><xsl:with-param name="p" select="$p"/><xsl:with-param name="q" select="$q"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <div class="question-meta">
            <span class="meta-label"><xsl:call-template name="t"><xsl:with-param name="k" select="'applies-to'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></span>
            <xsl:call-template name="badges"><xsl:with-param name="p" select="$p"/><xsl:with-param name="ids" select="$q/@objectives"/><xsl:with-param name="class" select="'badges-inline'"/></xsl:call-template>
          </div>
          <xsl:call-template name="moved-note"><xsl:with-param name="p" select="$p"/></xsl:call-template>
          <section class="q-section q-question">
            <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'question'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></h2>
            <xsl:call-template name="prose"><xsl:with-param name="f" select="$q/text[@lang = $lang]"/><xsl:with-param name="class" select="'question-text'"/></xsl:call-template>
          </section>
          <section class="q-section q-objective">
            <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'objective'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></h2>
            <xsl:call-template name="prose"><xsl:with-param name="f" select="$q/objective[@lang = $lang]"/></xsl:call-template>
          </section>
          <section class="q-section q-requirements">
            <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'requirements'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></h2>
            <xsl:for-each select="$q/requirement">
              <xsl:call-template name="requirement"><xsl:with-param name="p" select="$p"/><xsl:with-param name="r" select="."/></xsl:call-template>
            </xsl:for-each>
          </section>
          <xsl:if test="$q/ref">
            <section class="q-section q-refs">
              <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'question-refs'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></h2>
              <xsl:call-template name="refs"><xsl:with-param name="p" select="$p"/><xsl:with-param name="refs" select="$q/ref"/></xsl:call-template>
            </section>
          </xsl:if>
          <xsl:if test="$q/further[@lang = $lang]">
            <section class="q-section q-further">
              <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'further'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></h2>
              <xsl:call-template name="prose"><xsl:with-param name="f" select="$q/further[@lang = $lang]"/></xsl:call-template>
            </section>
          </xsl:if>
          <xsl:if test="$q/evidence[@lang = $lang]">
            <section class="q-section q-evidence">
              <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'evidence'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></h2>
              <xsl:call-template name="prose"><xsl:with-param name="f" select="$q/evidence[@lang = $lang]"/></xsl:call-template>
            </section>
          </xsl:if>
          <xsl:if test="$q/note[@lang = $lang]">
            <section class="q-section q-change change-note">
              <h2><xsl:call-template name="f"><xsl:with-param name="k" select="'changed-in'"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="a1" select="$v/@id"/></xsl:call-template></h2>
              <xsl:call-template name="prose"><xsl:with-param name="f" select="$q/note[@lang = $lang]"/></xsl:call-template>
            </section>
          </xsl:if>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="$v/changelog[@file]/question[@uid = $q/@uid]">
        <p class="changes-link">
          <a href="{$p/@vroot}{../@file}#{@anchor}"><xsl:call-template name="f"><xsl:with-param name="k" select="'what-changed-since'"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="a1" select="../@from"/></xsl:call-template></a>
        </p>
      </xsl:for-each>
      <p class="permalink">
        <span class="meta-label"><xsl:call-template name="t"><xsl:with-param name="k" select="'permalink'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></span>
        <xsl:text> </xsl:text>
        <xsl:variable name="perma" select="concat($v/../@id, '/q/', $lang, '/', $q/@uid, '.html')"/>
        <a href="{$p/@root}{$perma}" data-uid="{$q/@uid}">
          <xsl:choose>
            <xsl:when test="string($site/@base-url) != ''"><xsl:value-of select="concat($site/@base-url, '/', $perma)"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$perma"/></xsl:otherwise>
          </xsl:choose>
        </a>
      </p>
    </article>
    <xsl:call-template name="pager">
      <xsl:with-param name="p" select="$p"/>
      <xsl:with-param name="prev" select="$q/preceding::question[parent::chapter or parent::section/parent::chapter][1][ancestor::version/@key = $p/@version]"/>
      <xsl:with-param name="next" select="($q/following::question[parent::chapter or parent::section/parent::chapter])[1][ancestor::version/@key = $p/@version]"/>
    </xsl:call-template>
  </xsl:template>

  <!-- On a question page: where the question was in the previous
       version, when its number changed. -->
  <xsl:template name="moved-note">
    <xsl:param name="p"/>
    <xsl:variable name="lang" select="$p/@lang"/>
    <xsl:variable name="here" select="key('version', $p/@version)/@order"/>
    <xsl:for-each select="$p/other[key('version', @key)/@order = $here - 1][@state = 'renumbered' or @state = 'moved' or @state = 'moved-section']">
      <p class="moved-note">
        <xsl:call-template name="f"><xsl:with-param name="k" select="'was-number'"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="a1" select="@version"/><xsl:with-param name="a2" select="@number"/></xsl:call-template>
        <xsl:text> </xsl:text>
        <a href="{$p/@root}{@href}" hreflang="{@lang}"><xsl:call-template name="f"><xsl:with-param name="k" select="'see-in'"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="a1" select="@version"/></xsl:call-template></a>
      </p>
    </xsl:for-each>
  </xsl:template>

  <!-- ================= all requirements ================= -->

  <xsl:template match="page[@type = 'requirements']" mode="title">
    <xsl:call-template name="t"><xsl:with-param name="k" select="'all-requirements'"/><xsl:with-param name="lang" select="@lang"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@type = 'requirements']" mode="main">
    <xsl:variable name="p" select="."/>
    <xsl:variable name="lang" select="@lang"/>
    <xsl:variable name="v" select="key('version', @version)"/>
    <xsl:call-template name="crumbs"><xsl:with-param name="p" select="$p"/></xsl:call-template>
    <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'all-requirements'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></h1>
    <p class="lead"><xsl:call-template name="f"><xsl:with-param name="k" select="'n-requirements-in'"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="a1" select="$v/@requirements"/><xsl:with-param name="a2" select="$v/@questions"/></xsl:call-template></p>
    <xsl:call-template name="filter-slot"><xsl:with-param name="p" select="$p"/><xsl:with-param name="what" select="'filter-shown-requirements'"/></xsl:call-template>
    <div class="table-wrap">
      <table class="req-table">
        <thead>
          <tr>
            <th scope="col" class="col-id"><xsl:call-template name="t"><xsl:with-param name="k" select="'id'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'requirement'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></th>
            <th scope="col" class="col-obj"><xsl:call-template name="t"><xsl:with-param name="k" select="'applies-to'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></th>
            <th scope="col" class="col-refs"><xsl:call-template name="t"><xsl:with-param name="k" select="'references'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></th>
          </tr>
        </thead>
        <xsl:for-each select="$v/chapter">
          <tbody data-chapter="{@number}">
            <tr class="chapter-row">
              <th colspan="4" scope="colgroup"><a href="{$p/@vroot}{@file}"><span class="num"><xsl:value-of select="@number"/></span><xsl:text> </xsl:text><xsl:value-of select="title[@lang = $lang]"/></a></th>
            </tr>
            <xsl:for-each select="question/requirement">
              <xsl:call-template name="req-row"><xsl:with-param name="p" select="$p"/></xsl:call-template>
            </xsl:for-each>
            <!-- a row per section that has requirements, theirs below it;
                 the objective filter hides it with its last shown row -->
            <xsl:for-each select="section[question/requirement]">
              <tr class="section-row" data-section="{@uid}">
                <th colspan="4" scope="colgroup"><a href="{$p/@vroot}{@file}#{@anchor}"><span class="num"><xsl:value-of select="@number"/></span><xsl:text> </xsl:text><xsl:value-of select="title[@lang = $lang]"/></a></th>
              </tr>
              <xsl:for-each select="question/requirement">
                <xsl:call-template name="req-row"><xsl:with-param name="p" select="$p"/></xsl:call-template>
              </xsl:for-each>
            </xsl:for-each>
          </tbody>
        </xsl:for-each>
      </table>
    </div>
  </xsl:template>

  <!-- A requirement's row of the requirements table (the context node):
       the first of its question names the question. -->
  <xsl:template name="req-row">
    <xsl:param name="p"/>
    <xsl:variable name="lang" select="$p/@lang"/>
    <tr id="{@anchor}" data-uid="{@uid}" data-question="{../@uid}" data-objectives="{@objectives}" data-levels="{@levels}">
      <th scope="row" class="col-id"><a href="{$p/@vroot}{../@file}#{@anchor}"><xsl:value-of select="@label"/></a></th>
      <td>
        <xsl:if test="not(preceding-sibling::requirement)">
          <p class="req-question"><xsl:call-template name="qlink"><xsl:with-param name="p" select="$p"/><xsl:with-param name="q" select=".."/></xsl:call-template></p>
        </xsl:if>
        <xsl:for-each select="text[@lang = $lang]">
          <xsl:call-template name="statement"><xsl:with-param name="p" select="$p"/><xsl:with-param name="t" select="."/><xsl:with-param name="tag" select="true()"/></xsl:call-template>
        </xsl:for-each>
      </td>
      <td class="col-obj"><xsl:call-template name="badges"><xsl:with-param name="p" select="$p"/><xsl:with-param name="ids" select="@objectives"/><xsl:with-param name="class" select="'badges-small'"/></xsl:call-template></td>
      <td class="col-refs">
        <xsl:for-each select="ref">
          <a class="ref" href="{$p/@vroot}{@href}" title="{@title}"><xsl:value-of select="@id"/></a>
          <xsl:if test="position() != last()"><xsl:text> </xsl:text></xsl:if>
        </xsl:for-each>
      </td>
    </tr>
  </xsl:template>

  <!-- ================= audit objective ================= -->

  <xsl:template match="page[@type = 'objective']" mode="title">
    <xsl:variable name="lang" select="@lang"/>
    <xsl:value-of select="key('objective', @ref)/title[@lang = $lang]"/>
  </xsl:template>

  <xsl:template match="page[@type = 'objective']" mode="main">
    <xsl:variable name="p" select="."/>
    <xsl:variable name="lang" select="@lang"/>
    <xsl:variable name="v" select="key('version', @version)"/>
    <xsl:variable name="o" select="key('objective', @ref)"/>
    <xsl:variable name="id" select="concat(' ', @ref, ' ')"/>
    <xsl:variable name="qs" select="($v/chapter/question | $v/chapter/section/question)[contains(concat(' ', @objectives, ' '), $id)]"/>
    <xsl:variable name="rs" select="$qs/requirement[contains(concat(' ', @objectives, ' '), $id)]"/>
    <xsl:call-template name="crumbs"><xsl:with-param name="p" select="$p"/></xsl:call-template>
    <h1><span class="badge badge-title obj-{$o/@id}"><xsl:value-of select="$o/title[@lang = $lang]"/></span></h1>
    <xsl:call-template name="prose"><xsl:with-param name="f" select="$o/description[@lang = $lang]"/><xsl:with-param name="class" select="'lead'"/></xsl:call-template>
    <p class="meta"><xsl:call-template name="f"><xsl:with-param name="k" select="'n-apply'"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="a1" select="count($qs)"/><xsl:with-param name="a2" select="count($rs)"/></xsl:call-template></p>
    <xsl:call-template name="filter-slot"><xsl:with-param name="p" select="$p"/><xsl:with-param name="current" select="$o/@id"/></xsl:call-template>
    <xsl:for-each select="$v/chapter[(question | section/question)[contains(concat(' ', @objectives, ' '), $id)]]">
      <section class="objective-chapter" data-chapter="{@number}">
        <h2><a href="{$p/@vroot}{@file}"><span class="num"><xsl:value-of select="@number"/></span><xsl:text> </xsl:text><xsl:value-of select="title[@lang = $lang]"/></a></h2>
        <xsl:for-each select="question[contains(concat(' ', @objectives, ' '), $id)]">
          <xsl:call-template name="objective-question"><xsl:with-param name="p" select="$p"/></xsl:call-template>
        </xsl:for-each>
        <xsl:for-each select="section[contains(concat(' ', @objectives, ' '), $id)]">
          <section class="objective-section" data-section="{@uid}">
            <h3><a href="{$p/@vroot}{@file}#{@anchor}"><span class="num"><xsl:value-of select="@number"/></span><xsl:text> </xsl:text><xsl:value-of select="title[@lang = $lang]"/></a></h3>
            <xsl:for-each select="question[contains(concat(' ', @objectives, ' '), $id)]">
              <xsl:call-template name="objective-question"><xsl:with-param name="p" select="$p"/><xsl:with-param name="h" select="'h4'"/><xsl:with-param name="rh" select="'h5'"/></xsl:call-template>
            </xsl:for-each>
          </section>
        </xsl:for-each>
      </section>
    </xsl:for-each>
  </xsl:template>

  <!-- A question on an objective page (the context node) with the
       requirements and texts that apply to the page's objective. -->
  <xsl:template name="objective-question">
    <xsl:param name="p"/>
    <xsl:param name="h" select="'h3'"/>
    <xsl:param name="rh" select="'h4'"/>
    <xsl:variable name="lang" select="$p/@lang"/>
    <xsl:variable name="id" select="concat(' ', $p/@ref, ' ')"/>
    <article class="question-summary" data-uid="{@uid}" data-objectives="{@objectives}">
      <xsl:element name="{$h}"><xsl:call-template name="qlink"><xsl:with-param name="p" select="$p"/><xsl:with-param name="q" select="."/></xsl:call-template></xsl:element>
      <xsl:call-template name="prose"><xsl:with-param name="f" select="text[@lang = $lang]"/><xsl:with-param name="class" select="'question-text'"/></xsl:call-template>
      <xsl:for-each select="requirement[contains(concat(' ', @objectives, ' '), $id)]">
        <xsl:call-template name="requirement"><xsl:with-param name="p" select="$p"/><xsl:with-param name="r" select="."/><xsl:with-param name="full" select="false()"/><xsl:with-param name="heading" select="$rh"/><xsl:with-param name="objective" select="$p/@ref"/></xsl:call-template>
      </xsl:for-each>
    </article>
  </xsl:template>

  <!-- ================= referenced standard ================= -->

  <xsl:template match="page[@type = 'standard']" mode="title">
    <xsl:call-template name="f"><xsl:with-param name="k" select="'refs-to'"/><xsl:with-param name="lang" select="@lang"/><xsl:with-param name="a1" select="key('standard', concat(@version, '|', @ref))/@title"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@type = 'standard']" mode="main">
    <xsl:variable name="p" select="."/>
    <xsl:variable name="lang" select="@lang"/>
    <xsl:variable name="st" select="key('standard', concat(@version, '|', @ref))"/>
    <xsl:call-template name="crumbs"><xsl:with-param name="p" select="$p"/></xsl:call-template>
    <h1><xsl:call-template name="f"><xsl:with-param name="k" select="'refs-to'"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="a1" select="$st/@title"/></xsl:call-template></h1>
    <p class="lead"><xsl:call-template name="f"><xsl:with-param name="k" select="'refs-lead'"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="a1" select="$st/@title"/><xsl:with-param name="a2" select="count($st/cite)"/></xsl:call-template></p>
    <div class="table-wrap">
      <table class="ref-table">
        <thead>
          <tr>
            <th scope="col" class="col-id"><xsl:call-template name="t"><xsl:with-param name="k" select="'identifier'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'cited-by'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="$st/cite">
            <xsl:if test="@group and not(preceding-sibling::cite[1]/@group = @group)">
              <tr class="group-row">
                <th colspan="2" scope="colgroup">
                  <xsl:value-of select="@group"/>
                  <xsl:variable name="gk" select="concat('group-', @group)"/>
                  <xsl:if test="$strings/strings/s[@id = $gk]">
                    <xsl:text> – </xsl:text>
                    <xsl:call-template name="t"><xsl:with-param name="k" select="$gk"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template>
                  </xsl:if>
                </th>
              </tr>
            </xsl:if>
            <tr id="{@anchor}">
              <th scope="row" class="col-id ref-id"><xsl:value-of select="@id"/></th>
              <td>
                <ul class="cited-by">
                  <xsl:for-each select="by">
                    <xsl:variable name="q" select="key('question', concat($p/@version, '|', @question))"/>
                    <xsl:variable name="r" select="$q/requirement[@uid = current()/@requirement]"/>
                    <li>
                      <xsl:choose>
                        <xsl:when test="$r">
                          <a href="{$p/@vroot}{$q/@file}#{$r/@anchor}"><span class="num"><xsl:value-of select="$r/@label"/></span></a>
                          <xsl:text> </xsl:text>
                          <span class="cited-title"><xsl:value-of select="$q/title[@lang = $lang]"/></span>
                        </xsl:when>
                        <xsl:otherwise>
                          <xsl:call-template name="qlink"><xsl:with-param name="p" select="$p"/><xsl:with-param name="q" select="$q"/></xsl:call-template>
                          <xsl:text> </xsl:text>
                          <span class="tag"><xsl:call-template name="t"><xsl:with-param name="k" select="'whole-question'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></span>
                        </xsl:otherwise>
                      </xsl:choose>
                    </li>
                  </xsl:for-each>
                </ul>
              </td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <!-- ================= downloads ================= -->

  <xsl:template match="page[@type = 'downloads']" mode="title">
    <xsl:call-template name="t"><xsl:with-param name="k" select="'downloads'"/><xsl:with-param name="lang" select="@lang"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@type = 'downloads']" mode="main">
    <xsl:variable name="p" select="."/>
    <xsl:variable name="lang" select="@lang"/>
    <xsl:variable name="mine" select="$site/downloads/file[@version = $p/@version]"/>
    <xsl:variable name="others" select="$site/downloads/file[not(@version = $p/@version)]"/>
    <xsl:call-template name="crumbs"><xsl:with-param name="p" select="$p"/></xsl:call-template>
    <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'downloads'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></h1>
    <xsl:choose>
      <xsl:when test="not($site/downloads/file)">
        <p class="empty"><xsl:call-template name="t"><xsl:with-param name="k" select="'no-downloads'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></p>
      </xsl:when>
      <xsl:otherwise>
        <xsl:if test="$mine">
          <h2><xsl:call-template name="f"><xsl:with-param name="k" select="'files-for'"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="a1" select="key('version', $p/@version)/@id"/></xsl:call-template></h2>
          <xsl:call-template name="file-list"><xsl:with-param name="p" select="$p"/><xsl:with-param name="files" select="$mine"/></xsl:call-template>
        </xsl:if>
        <xsl:if test="$others">
          <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'other-files'"/><xsl:with-param name="lang" select="$lang"/></xsl:call-template></h2>
          <xsl:call-template name="file-list"><xsl:with-param name="p" select="$p"/><xsl:with-param name="files" select="$others"/></xsl:call-template>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="file-list">
    <xsl:param name="p"/>
    <xsl:param name="files"/>
    <ul class="files">
      <xsl:for-each select="$files">
        <li class="file file-{@type}">
          <a href="{$p/@root}{@href}" download=""><xsl:value-of select="@name"/></a>
          <xsl:text> </xsl:text>
          <span class="file-meta">
            <xsl:if test="@type"><xsl:value-of select="translate(@type, 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')"/><xsl:text>, </xsl:text></xsl:if>
            <xsl:call-template name="size"><xsl:with-param name="n" select="@size"/></xsl:call-template>
          </span>
        </li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <xsl:template name="size">
    <xsl:param name="n"/>
    <xsl:choose>
      <xsl:when test="$n &gt;= 1048576"><xsl:value-of select="format-number($n div 1048576, '0.0')"/> MB</xsl:when>
      <xsl:when test="$n &gt;= 1024"><xsl:value-of select="format-number($n div 1024, '0')"/> KB</xsl:when>
      <xsl:otherwise><xsl:value-of select="$n"/> B</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================= change log (filled by the catalogue diff) ================= -->

  <xsl:template match="page[@type = 'changes']" mode="title">
    <xsl:variable name="lang" select="@lang"/>
    <xsl:variable name="cl" select="key('version', @version)/changelog[@from = current()/@ref]"/>
    <xsl:choose>
      <xsl:when test="$cl/title[@lang = $lang]"><xsl:value-of select="$cl/title[@lang = $lang]"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="f"><xsl:with-param name="k" select="'changes-since'"/><xsl:with-param name="lang" select="$lang"/><xsl:with-param name="a1" select="@ref"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="page[@type = 'changes']" mode="main">
    <xsl:variable name="p" select="."/>
    <xsl:variable name="lang" select="@lang"/>
    <xsl:variable name="cl" select="key('version', @version)/changelog[@from = current()/@ref]"/>
    <xsl:call-template name="crumbs"><xsl:with-param name="p" select="$p"/></xsl:call-template>
    <h1><xsl:apply-templates select="." mode="title"/></h1>
    <div class="changelog">
      <xsl:apply-templates select="$cl" mode="changelog-body"><xsl:with-param name="p" select="$p"/></xsl:apply-templates>
    </div>
  </xsl:template>

  <!-- The diff may override this with its own templates. -->
  <xsl:template match="changelog" mode="changelog-body">
    <xsl:param name="p"/>
    <xsl:call-template name="prose"><xsl:with-param name="f" select="body[@lang = $p/@lang]"/></xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
