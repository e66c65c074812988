/**
 * Vietnamese words that people put in passwords, for the strength estimator
 * (common/password-policy.ts). Written without diacritics and in lower case,
 * as they are typed into a password; passwords typed with diacritics are
 * also checked with them removed. The order is the rank: the most likely first.
 * zxcvbn-ts's own lists are English; without these, "Baocao2025" looks random.
 */

/** Words of this system, of Party and State work, and of everyday passwords in Vietnam. */
export const VI_PASSWORD_WORDS = [
  'matkhau', 'baocao', 'quantri', 'dienhinh', 'danguy', 'tinhuy', 'huyenuy', 'thanhuy', 'chibo', 'dangbo',
  'yenbai', 'vietnam', 'hanoi', 'saigon', 'hochiminh', 'bacho', 'admin', 'quantrivien', 'hethong', 'taikhoan',
  'dangnhap', 'nghiepvu', 'xemxet', 'lanhdao', 'canbo', 'dangvien', 'congchuc', 'vanphong', 'tuyengiao', 'thidua',
  'khenthuong', 'mohinh', 'tientien', 'dangcongsan', 'congsan', 'thanhnien', 'doanthanhnien', 'congdoan', 'phunu', 'nongdan',
  'mattran', 'uyban', 'ubnd', 'hdnd', 'kiemtra', 'giamsat', 'tochuc', 'xaydung', 'nhanrong', 'dangkhoi',
  'khoicoquan', 'doanhnghiep', 'coso', 'tinh', 'huyen', 'xa', 'phuong', 'toiyeuvietnam', 'anhyeuem', 'emyeuanh',
  'yeuem', 'yeuanh', 'xinchao', 'chaoban', 'hanhphuc', 'tudo', 'doclap', 'vodich', 'tuoitre', 'quehuong',
  'giadinh', 'matkhaumoi', 'matkhaucu', 'doimatkhau', 'datlai', 'bimat', 'khongbiet', 'conmeo', 'concho', 'contrai',
  'congai', 'baby', 'vuive', 'thanhcong', 'chienthang', 'haiphong', 'danang', 'hue', 'cantho', 'laocai',
  'tuyenquang', 'phutho', 'thaibinh', 'namdinh', 'nghean', 'hatinh', 'thanhhoa', 'quangninh', 'bacninh', 'bacgiang',
  'thainguyen', 'langson', 'caobang', 'hagiang', 'dienbien', 'laichau', 'sonla', 'hoabinh', 'ninhbinh', 'haiduong',
  'hungyen', 'hanam', 'vinhphuc', 'quangbinh', 'quangtri', 'quangnam', 'quangngai', 'binhdinh', 'phuyen', 'khanhhoa',
  'nhatrang', 'dalat', 'lamdong', 'daklak', 'gialai', 'kontum', 'binhduong', 'dongnai', 'vungtau', 'longan',
  'tiengiang', 'bentre', 'vinhlong', 'travinh', 'soctrang', 'baclieu', 'camau', 'kiengiang', 'angiang', 'dongthap',
  'tayninh', 'binhphuoc', 'binhthuan', 'ninhthuan', 'haugiang',
] as const;

/** Family names, the most frequent first. */
export const VI_FAMILY_NAMES = [
  'nguyen', 'tran', 'le', 'pham', 'hoang', 'huynh', 'phan', 'vu', 'vo', 'dang',
  'bui', 'do', 'ho', 'ngo', 'duong', 'ly', 'dinh', 'doan', 'trinh', 'truong',
  'lam', 'mai', 'luong', 'ha', 'cao', 'luu', 'ta', 'chu', 'quach', 'tang',
  'thai', 'trieu', 'vuong', 'ton', 'kieu', 'nong', 'la', 'lai', 'khuat', 'kim',
  'hua', 'giang', 'dao', 'dam', 'tong', 'nghiem', 'mac', 'thach', 'ong', 'au',
  'diep', 'tu', 'bach', 'khong', 'lo', 'quan', 'lu', 'van', 'hau', 'phung',
] as const;

/** Given and middle names, the most frequent first. */
export const VI_GIVEN_NAMES = [
  'anh', 'minh', 'thi', 'van', 'huong', 'linh', 'hung', 'tuan', 'trang', 'dung',
  'ha', 'hoa', 'lan', 'mai', 'nam', 'ngoc', 'thu', 'thao', 'hai', 'hieu',
  'hoang', 'huy', 'long', 'quang', 'son', 'thanh', 'phuong', 'duc', 'cuong', 'binh',
  'chi', 'dat', 'giang', 'hang', 'hanh', 'hien', 'hong', 'hue', 'huyen', 'khanh',
  'khoa', 'kien', 'loan', 'loc', 'ly', 'manh', 'my', 'nga', 'ngan', 'nghia',
  'nhung', 'nhi', 'oanh', 'phong', 'phuc', 'quan', 'quyen', 'quynh', 'tam', 'tan',
  'thang', 'thinh', 'thuy', 'tien', 'toan', 'trung', 'tu', 'tung', 'tuyet', 'uyen',
  'viet', 'vinh', 'vy', 'xuan', 'yen', 'bao', 'gia', 'huu', 'cong', 'quoc',
  'dinh', 'kim', 'thien', 'nhat', 'an', 'dong', 'dieu', 'hao', 'hoai', 'hoan',
  'luan', 'nguyet', 'nhan', 'phu', 'sang', 'tai', 'tho', 'thuong', 'tin', 'tri',
  'trinh', 'hau', 'hop', 'luyen', 'thom', 'chien', 'chung', 'diep', 'doan', 'hiep',
  'hoc', 'khai', 'lam', 'lieu', 'lien', 'luong', 'nhu', 'ninh', 'phat', 'sinh',
  'sy', 'thoa', 'tuyen', 'truc', 'vuong', 'xuyen', 'yen', 'chau', 'cuc', 'dao',
] as const;
