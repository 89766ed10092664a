#!/usr/bin/perl
# Fills a blank self-assessment the way a participant would, for
# tests/t-self.sh: the same answers into the YAML, the CSV or the XLSX
# questions sheet that 'vcsc questionnaire --format ...' wrote.
#
#   perl tests/self-fill.pl MODE ANSWERS FILE > FILLED
#
# MODE: yaml, csv, sheet (FILE is xl/worksheets/sheet2.xml; the shared
# strings are read from xl/sharedStrings.xml beside it) or cover (FILE is
# xl/worksheets/sheet1.xml). ANSWERS: lines
# "KEY<TAB>ANSWER<TAB>JUSTIFICATION<TAB>EVIDENCE" (empty fields stay
# empty); the keys "participant" and "scope" fill the cover's fields.
use strict;
use warnings;
use utf8;
binmode STDOUT, ':raw';

my ($mode, $answers, $file) = @ARGV;
my %fill;
open my $af, '<:raw', $answers or die "$answers: $!";
while (<$af>) {
	chomp;
	my ($k, @v) = split /\t/, $_, -1;
	$fill{$k} = [@v];
}
close $af;
open my $in, '<:raw', $file or die "$file: $!";
my $text = do { local $/; <$in> };
close $in;

sub yq { my $s = shift; $s =~ s/\\/\\\\/g; $s =~ s/"/\\"/g; return "\"$s\"" }
sub xe { my $s = shift; $s =~ s/&/&amp;/g; $s =~ s/</&lt;/g; $s =~ s/>/&gt;/g; return $s }
sub cq { my $s = shift; return $s unless $s =~ /[",\r\n;]/; $s =~ s/"/""/g; return "\"$s\"" }

if ($mode eq 'yaml') {
	my $key = '';
	for my $line (split /(?<=\n)/, $text) {
		if ($line =~ /^(participant|scope): ""$/ && $fill{$1}) {
			$line = "$1: " . yq($fill{$1}[0]) . "\n";
		} elsif ($line =~ /^  "([^"]+)":$/) {
			$key = $1;
		} elsif ($fill{$key} && $line =~ /^    (answer|justification|evidence):$/) {
			my $i = { answer => 0, justification => 1, evidence => 2 }->{$1};
			my $v = $fill{$key}[$i] // "";
			if ($v ne '') {
				$v = yq($v) if $i;
				$line = "    $1: $v\n";
			}
		}
		print $line;
	}
} elsif ($mode eq 'csv') {
	# records of RFC 4180 fields; the answer columns are D, E, F
	my @recs;
	my $p = $text;
	my $bom = $p =~ s/^\xEF\xBB\xBF// ? "\xEF\xBB\xBF" : '';
	while (length $p) {
		my @f;
		while (1) {
			if ($p =~ s/^"((?:[^"]|"")*)"//) {
				(my $v = $1) =~ s/""/"/g;
				push @f, $v;
			} else {
				$p =~ s/^([^,\r\n]*)//;
				push @f, $1;
			}
			last unless $p =~ s/^,//;
		}
		$p =~ s/^\r?\n//;
		push @recs, \@f;
	}
	print $bom;
	my $table = 0;
	for my $r (@recs) {
		if ($table && $fill{ $r->[0] }) {
			@$r[3 .. 5] = @{ $fill{ $r->[0] } };
		} elsif (!$table && @$r && $fill{ lc $r->[0] }) {
			$r->[1] = $fill{ lc $r->[0] }[0];
		}
		$table = 1 if @$r && $r->[0] eq 'Item';
		print join(',', map { cq($_) } @$r), "\r\n";
	}
} elsif ($mode eq 'sheet') {
	(my $ss = $file) =~ s{worksheets/[^/]+$}{sharedStrings.xml};
	open my $sf, '<:raw', $ss or die "$ss: $!";
	my $sx = do { local $/; <$sf> };
	my @strings = map { my $s = join '', /<t[^>]*>([^<]*)<\/t>/g; $s } ($sx =~ /<si>(.*?)<\/si>/gs);
	$text =~ s{(<row [^>]*>)(.*?)(</row>)}{
		my ($open, $cells, $close) = ($1, $2, $3);
		my ($idx) = $cells =~ /<c r="A\d+"[^>]* t="s"[^>]*><v>(\d+)<\/v><\/c>/;
		my $key = defined $idx ? $strings[$idx] : '';
		if ($fill{$key}) {
			my %col = (D => 0, E => 1, F => 2);
			$cells =~ s{<c r="([DEF])(\d+)"( s="\d+")?/>}{
				my $v = $fill{$key}[ $col{$1} ] // "";
				$v eq '' ? "<c r=\"$1$2\"$3/>"
				  : "<c r=\"$1$2\"$3 t=\"inlineStr\"><is><t xml:space=\"preserve\">" . xe($v) . "</t></is></c>"
			}ge;
		}
		"$open$cells$close"
	}gse;
	print $text;
} elsif ($mode eq 'cover') {
	# participant and scope: B6 and B7
	my %cell = (6 => 'participant', 7 => 'scope');
	$text =~ s{<c r="B([67])"( s="\d+")?/>}{
		my $v = $fill{ $cell{$1} } ? $fill{ $cell{$1} }[0] : '';
		$v eq '' ? "<c r=\"B$1\"$2/>"
		  : "<c r=\"B$1\"$2 t=\"inlineStr\"><is><t>" . xe($v) . "</t></is></c>"
	}ge;
	print $text;
} else {
	die "unknown mode $mode\n";
}
